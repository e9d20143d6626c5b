package org.scizoo.scanlog.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.ui.app.SavedLayout;

/** A saved window layout is kept while the model it grew from is the one shipped, and set aside (not lost) after. */
class SavedLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aLayoutIsKeptWhileTheModelIsTheSameAndSetAsideWhenItChanges() throws IOException {
        Path saved = dir.resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");

        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, "model-1"), "nothing saved yet");
        Files.writeString(saved, "layout made from model 1"); // e4 saves at the end of the session
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, "model-1"), "same model");
        assertEquals("layout made from model 1", Files.readString(saved));

        Optional<Path> aside = SavedLayout.keepOnlyIfMadeFrom(saved, "model-2");
        assertTrue(aside.isPresent(), "a new model sets the layout aside");
        assertFalse(Files.exists(saved), "so e4 starts from the shipped model");
        assertEquals("layout made from model 1", Files.readString(aside.get()), "the old layout is kept aside");

        Files.writeString(saved, "layout made from model 2");
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, "model-2"), "and the new one is kept");
        assertEquals("layout made from model 2", Files.readString(saved));
    }

    @Test
    void aLayoutSavedBeforeThereWereDigestsIsSetAsideOnce() throws IOException {
        Path saved = Files.createDirectories(dir.resolve("e4")).resolve("workbench.xmi");
        Files.writeString(saved, "a layout from a version without this check");
        Files.writeString(saved.resolveSibling("workbench.xmi" + SavedLayout.SET_ASIDE_SUFFIX), "an older one");

        Optional<Path> aside = SavedLayout.keepOnlyIfMadeFrom(saved, "model-1");
        assertEquals(Optional.of(saved.resolveSibling("workbench.xmi" + SavedLayout.SET_ASIDE_SUFFIX)), aside);
        assertEquals("a layout from a version without this check", Files.readString(aside.get()),
                "the layout set aside last replaces the one before it");

        Files.writeString(saved, "the new layout");
        assertEquals(Optional.empty(), SavedLayout.keepOnlyIfMadeFrom(saved, "model-1"));
        assertEquals("the new layout", Files.readString(saved));
    }
}
