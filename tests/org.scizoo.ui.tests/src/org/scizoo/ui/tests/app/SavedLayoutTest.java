package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.ui.app.PreferencesDialog;
import org.scizoo.ui.app.SavedLayout;
import org.scizoo.ui.app.SavedLayout.ModelSource;

/**
 * A saved window layout is kept while the model it grew from holds and what was added since is merged into
 * it by e4 (a plug-in's fragment), and set aside (not lost) otherwise.
 */
class SavedLayoutTest {

    private static final ModelSource APP = new ModelSource("app/Application.e4xmi", "a1", false);
    private static final ModelSource SCANLOG = new ModelSource("scanlog/fragment.e4xmi/always", "s1", true);
    private static final ModelSource BEAMLINE = new ModelSource("beamline.tools/fragment.e4xmi/always", "b1", true);

    @TempDir
    Path dir;

    @Test
    void aLayoutIsKeptWhileTheModelIsTheSameAndSetAsideWhenItChanges() throws IOException {
        Path saved = dir.resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");

        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, SCANLOG)),
                "nothing saved yet");
        Files.writeString(saved, "layout made from model 1"); // e4 saves at the end of the session
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, List.of(SCANLOG, APP)), "same model");
        assertEquals("layout made from model 1", Files.readString(saved));

        ModelSource newApp = new ModelSource(APP.name(), "a2", false);
        Optional<Path> aside = SavedLayout.keepOnlyIfMadeFrom(saved, List.of(newApp, SCANLOG));
        assertTrue(aside.isPresent(), "a new Application.e4xmi sets the layout aside");
        assertFalse(Files.exists(saved), "so e4 starts from the shipped model");
        assertEquals("layout made from model 1", Files.readString(aside.get()), "the old layout is kept aside");

        Files.writeString(saved, "layout made from model 2");
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, List.of(newApp, SCANLOG)),
                "and the new one is kept");
        assertEquals("layout made from model 2", Files.readString(saved));
    }

    @Test
    void aPlugInAddedKeepsTheLayoutAndOneChangedOrRemovedSetsItAside() throws IOException {
        Path saved = Files.createDirectories(dir.resolve("e4")).resolve("workbench.xmi");
        SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, SCANLOG));
        Files.writeString(saved, "the users' layout");

        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, SCANLOG, BEAMLINE)),
                "a beamline's plug-in added: e4 merges its fragment into the saved layout");
        assertEquals("the users' layout", Files.readString(saved));
        assertTrue(SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, SCANLOG)).isPresent(),
                "removed again: its views may be in the layout, with nothing behind them");

        Files.writeString(saved, "the users' layout");
        ModelSource initialOnly = new ModelSource("other.tools/fragment.e4xmi/initial", "o1", false);
        assertTrue(SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, SCANLOG, initialOnly)).isPresent(),
                "a fragment applied only to a new model would never show in the saved one");

        Files.writeString(saved, "the users' layout");
        ModelSource scanlogUpdated = new ModelSource(SCANLOG.name(), "s2", true);
        assertTrue(SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, scanlogUpdated, initialOnly)).isPresent(),
                "a fragment changed");
    }

    @Test
    void aLayoutSavedBeforeThereWereSourcesIsSetAsideOnce() throws IOException {
        Path saved = Files.createDirectories(dir.resolve("e4")).resolve("workbench.xmi");
        Files.writeString(saved, "a layout from a version without this check");
        Files.writeString(saved.resolveSibling("workbench.xmi" + SavedLayout.SET_ASIDE_SUFFIX), "an older one");

        Optional<Path> aside = SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP));
        assertEquals(Optional.of(saved.resolveSibling("workbench.xmi" + SavedLayout.SET_ASIDE_SUFFIX)), aside);
        assertEquals("a layout from a version without this check", Files.readString(aside.get()),
                "the layout set aside last replaces the one before it");

        Files.writeString(saved, "a layout from the version with one digest of the whole model");
        Files.writeString(saved.resolveSibling("workbench.xmi.model"), "3f0c9a\n");
        assertTrue(SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, BEAMLINE)).isPresent(), "not read as a model");

        Files.writeString(saved, "the new layout");
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, List.of(APP, BEAMLINE)));
        assertEquals("the new layout", Files.readString(saved));
    }

    @Test
    void windowResetLayoutSetsTheLayoutAsideOnceAtTheNextStart() throws IOException {
        Path saved = dir.resolve("workbench.xmi");
        Files.writeString(saved, "the user's layout");
        assertEquals(Optional.empty(), SavedLayout.resetIfAsked(saved), "nothing asked: kept");
        assertTrue(Files.exists(saved));
        SavedLayout.resetAtNextStart(saved);
        Path aside = saved.resolveSibling("workbench.xmi" + SavedLayout.SET_ASIDE_SUFFIX);
        assertEquals(Optional.of(aside), SavedLayout.resetIfAsked(saved));
        assertFalse(Files.exists(saved), "the next start begins with SciZoo's own layout");
        assertEquals("the user's layout", Files.readString(aside), "kept aside, not deleted");
        Files.writeString(saved, "a layout made after the reset");
        assertEquals(Optional.empty(), SavedLayout.resetIfAsked(saved), "asked once: the start after keeps it");
    }

    @Test
    void preferencesRefuseAWrongTimeZoneOrPidPrefix() {
        assertEquals(null, PreferencesDialog.check("", ""));
        assertEquals(null, PreferencesDialog.check("Europe/Stockholm", "20.500.12345"));
        assertTrue(PreferencesDialog.check("Mars/Olympus", "").startsWith("Time zone: "));
        assertTrue(PreferencesDialog.check("", "20.500/x").startsWith("PID prefix: '20.500/x' is not a handle prefix"));
    }
}
