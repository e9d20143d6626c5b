package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.scizoo.ui.app.SavedLayout;
import org.scizoo.ui.app.WorkbenchLifeCycle;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;

/**
 * A user upgrades: the layout e4 saved was made by a version whose model had no main menu (as before the
 * File menu existed). e4 alone would start from that saved model and show no menu bar; with the
 * product's life cycle hook the old layout is set aside and the main menu (File, Edit, Window, Help) is there.
 */
class OldLayoutTest {

    private static final long TIMEOUT_MS = 60_000;
    private static final List<String> KEEP_LAYOUT = List.of("-persistState", "true");
    private static final String LIFE_CYCLE = "bundleclass://org.scizoo.ui.app/org.scizoo.ui.app.WorkbenchLifeCycle";

    @TempDir
    Path data;

    private final Path saved = WorkbenchLifeCycle.savedModel().orElseThrow(() -> new AssertionError("no -data"));

    @Test
    void theNewMenuShowsOverALayoutSavedByAnEarlierVersion() throws IOException {
        String earlier = withoutMainMenu(shippedModel());
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, earlier);

        assertEquals(List.of(), menus(KEEP_LAYOUT), "e4 alone keeps the earlier layout: no menu bar");

        List<String> withHook = new ArrayList<>(KEEP_LAYOUT);
        withHook.addAll(List.of("-lifeCycleURI", LIFE_CYCLE));
        assertEquals(
                List.of("org.scizoo.ui.app.menu.file", "org.scizoo.ui.app.menu.edit", "org.scizoo.ui.app.menu.window",
                        "org.scizoo.ui.app.menu.help"),
                menus(withHook), "the life cycle hook brings the main menu");
        Path aside = saved.resolveSibling(saved.getFileName() + SavedLayout.SET_ASIDE_SUFFIX);
        assertEquals(earlier, Files.readString(aside), "the earlier layout is kept aside, unchanged");
        assertFalse(Files.exists(saved), "nothing saved this session yet: the test's workbench does not save");
    }

    @AfterEach
    void forgetTheLayout() throws IOException {
        for (String suffix : List.of("", ".model", SavedLayout.SET_ASIDE_SUFFIX)) {
            Files.deleteIfExists(saved.resolveSibling(saved.getFileName() + suffix));
        }
    }

    /** The main menu's items of the window the workbench opened with. */
    private List<String> menus(List<String> e4Args) {
        List<String> menus = new ArrayList<>();
        boolean done = TestWorkbench.run(
                Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM, "false"),
                e4Args, TIMEOUT_MS, (MApplication model) -> {
                    MWindow window = model.getChildren().get(0);
                    if (window.getMainMenu() != null) {
                        for (MMenuElement item : window.getMainMenu().getChildren()) {
                            menus.add(item.getElementId());
                        }
                    }
                    return true;
                });
        assertTrue(done, "the workbench opened");
        return menus;
    }

    private static String shippedModel() throws IOException {
        try (InputStream in = FrameworkUtil.getBundle(WorkbenchLifeCycle.class).getEntry("Application.e4xmi")
                .openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withoutMainMenu(String model) {
        String earlier = Pattern.compile("\\s*<mainMenu .*?</mainMenu>", Pattern.DOTALL).matcher(model)
                .replaceFirst("");
        assertFalse(earlier.contains("mainMenu"), "the test's earlier model has no main menu");
        return earlier;
    }
}
