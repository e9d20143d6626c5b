package org.scizoo.hdf5.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Opens HDF5 files in inspector parts, one part a file (a file already open is brought to the front), and
 * keeps the list of recent files in the preferences.
 */
public final class Hdf5Editors {

    /** The part descriptor (fragment.e4xmi) and the persisted-state key of the file a part shows. */
    public static final String DESCRIPTOR = "org.scizoo.hdf5.ui.partdescriptor.inspector";
    public static final String FILE_KEY = "file";
    /** The command that opens a file: parameter {@link #FILE_PARAMETER}, or none for the file dialog. */
    public static final String OPEN_COMMAND = "org.scizoo.hdf5.ui.command.open";
    public static final String FILE_PARAMETER = "org.scizoo.hdf5.ui.command.open.file";
    public static final String[] EXTENSIONS = { "*.nxs;*.h5;*.hdf5;*.hdf;*.he5;*.nx5;*.cxi", "*.*" };

    private static final String STACK = "org.scizoo.ui.app.partstack.main";
    private static final String PREFERENCES = "org.scizoo.hdf5.ui";
    private static final String RECENT = "recent";
    private static final int MAX_RECENT = 10;

    private Hdf5Editors() {
    }

    /**
     * Opens (or brings to the front) an inspector for {@code file} in the main window. The window's own part
     * service is used: the application's needs an active window, which a handler run from a test, a drop or
     * another part's menu does not always have.
     */
    public static MPart open(Path file, MApplication app) {
        MWindow window = app.getSelectedElement() != null ? app.getSelectedElement() : app.getChildren().getFirst();
        EPartService parts = window.getContext().get(EPartService.class);
        EModelService models = window.getContext().get(EModelService.class);
        String key = file.toAbsolutePath().normalize().toString();
        for (MPart part : parts.getParts()) {
            if (DESCRIPTOR.equals(part.getElementId()) && key.equals(part.getPersistedState().get(FILE_KEY))
                    && part.getParent() != null) {
                parts.showPart(part, PartState.ACTIVATE);
                return part;
            }
        }
        MPart part = parts.createPart(DESCRIPTOR);
        part.getPersistedState().put(FILE_KEY, key);
        part.setLabel(file.getFileName().toString());
        part.setTooltip(key);
        MPartStack stack = (MPartStack) models.find(STACK, app);
        if (stack != null) {
            stack.getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
        remember(key);
        return part;
    }

    /** The recent files, newest first. */
    public static List<String> recent() {
        String stored = prefs().get(RECENT, "");
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    static void remember(String file) {
        List<String> files = new ArrayList<>(recent());
        files.remove(file);
        files.addFirst(file);
        while (files.size() > MAX_RECENT) {
            files.removeLast();
        }
        IEclipsePreferences prefs = prefs();
        prefs.put(RECENT, String.join("\n", files));
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // kept for this session; the list is a convenience
        }
    }

    private static IEclipsePreferences prefs() {
        return InstanceScope.INSTANCE.getNode(PREFERENCES);
    }
}
