package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * A corrupt embedded catalogue: the workbench still opens, says what is wrong in a dialog and on the
 * status line, and leaves the file exactly as it was.
 */
class WorkbenchReportsABrokenCatalogueTest {

    private static final String DIALOG_TITLE = "SciZoo: the catalogue could not be opened";
    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path data;

    @Test
    void aCorruptCatalogueFileIsReportedAndLeftUntouched() throws Exception {
        byte[] garbage = new byte[16_384];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(data.resolve("catalog.mv"), garbage);

        List<String> dialogText = new ArrayList<>();
        String[] status = new String[1];
        TestWorkbench.run(Map.of(WorkbenchSettings.DATA, data.toString()), TIMEOUT_MS, model -> {
            Display display = Display.getCurrent();
            Shell dialog = null;
            for (Shell s : display.getShells()) {
                if (DIALOG_TITLE.equals(s.getText()) && s.isVisible()) {
                    dialog = s;
                }
            }
            if (dialog == null) {
                return false;
            }
            dialogText.addAll(Widgets.labelTexts(dialog));
            dialog.close();
            for (Shell s : display.getShells()) {
                String st = Widgets.statusLine(s);
                status[0] = st != null ? st : status[0];
            }
            return true;
        });

        String message = String.join("\n", dialogText);
        assertTrue(message.contains(file.toString()) && message.contains("cannot be read"),
                "dialog shown with the reason, got: '" + message + "'");
        assertNotNull(status[0], "status line present");
        assertTrue(status[0].contains("failed"), status[0]);
        assertArrayEquals(garbage, Files.readAllBytes(file), "the user's file is left exactly as it was");
    }

}
