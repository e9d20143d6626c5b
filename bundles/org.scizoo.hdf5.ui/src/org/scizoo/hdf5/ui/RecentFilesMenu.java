package org.scizoo.hdf5.ui;

import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** File > Open Recent: the last ten files opened in the inspector, newest first. */
public class RecentFilesMenu {

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, EModelService models, MApplication app) {
        MCommand open = app.getCommand(Hdf5Editors.OPEN_COMMAND);
        List<String> recent = Hdf5Editors.recent();
        int n = 1;
        for (String file : recent) {
            MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
            item.setLabel((n <= 9 ? "&" + n + " " : "") + file);
            item.setCommand(open);
            MParameter parameter = models.createModelElement(MParameter.class);
            parameter.setName(Hdf5Editors.FILE_PARAMETER);
            parameter.setValue(file);
            item.getParameters().add(parameter);
            items.add(item);
            n++;
        }
        if (recent.isEmpty()) {
            MHandledMenuItem none = models.createModelElement(MHandledMenuItem.class);
            none.setLabel("(no recent files)");
            none.setEnabled(false);
            none.setCommand(open);
            items.add(none);
        }
    }
}
