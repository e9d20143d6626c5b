package org.scizoo.config.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.config.core.ConfigEditorModel;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.OsgiServices;

class ConfigEditorModelTest {

    @TempDir
    Path dir;

    static MetadataEntry e(String name) {
        return new MetadataEntry("g", name, "a/b/" + name, "value", null, When.END, true);
    }

    static List<String> names(ConfigEditorModel m) {
        return m.entries().stream().map(MetadataEntry::name).toList();
    }

    static ConfigEditorModel model(String... names) {
        return new ConfigEditorModel("cosaxs", new MetadataConfig("cosaxs", 1, "ada", null,
                java.util.Arrays.stream(names).map(ConfigEditorModelTest::e).toList()));
    }

    @Test
    void editsAreUndoneAndRedoneInOrder() {
        ConfigEditorModel m = model("T01", "T02", "T03");
        AtomicInteger changes = new AtomicInteger();
        m.onChange(changes::incrementAndGet);
        assertFalse(m.isDirty());
        m.add(0, e("T04"));
        m.remove(2);
        m.set(0, new MetadataEntry("g", "T01", "x/y/z", "temperature", "degC", When.BOTH, true));
        assertEquals(List.of("T01", "T04", "T03"), names(m));
        assertTrue(m.isDirty());
        m.undo();
        assertEquals("a/b/T01", m.entries().get(0).device());
        m.undo();
        m.undo();
        assertEquals(List.of("T01", "T02", "T03"), names(m));
        assertFalse(m.isDirty(), "undone back to the saved version");
        assertFalse(m.canUndo());
        m.redo();
        assertEquals(List.of("T01", "T04", "T02", "T03"), names(m));
        m.remove(0);
        assertFalse(m.canRedo(), "a new edit forgets what could be redone");
        assertEquals(8, changes.get(), "every edit, undo and redo is announced once");
    }

    @Test
    void duplicateAndMoveWorkOnMultipleSelectedRows() {
        ConfigEditorModel m = model("A", "B", "C", "D");
        m.duplicate(1, 2);
        assertEquals(List.of("A", "B", "C", "B copy", "C copy", "D"), names(m));
        m.duplicate(1);
        assertEquals("B copy 2", names(m).get(2), "copies never share a name");
        int[] moved = m.move(-1, 3, 4);
        assertArrayEquals(new int[] { 2, 3 }, moved);
        assertEquals(List.of("A", "B", "C", "B copy", "B copy 2", "C copy", "D"), names(m));
        int[] atTop = m.move(-1, 0);
        assertArrayEquals(new int[] { 0 }, atTop, "the first row cannot move up");
        m.add(-1, new MetadataEntry(null, "A", "", "", null, When.END, true));
        assertEquals("A 2", names(m).get(names(m).size() - 1));
    }

    @Test
    void problemsAreFoundPerRowAndBlockTheSave() throws Exception {
        ConfigEditorModel m = model("T01");
        m.add(0, new MetadataEntry(null, "new entry", "", "", null, When.END, true));
        // T%2E01 and T.01 would be the same scientificMetadata key once stored (SciCat's encoding of T.01)
        m.set(0, new MetadataEntry("g", "T%2E01", "a/b/T01", "value", null, When.END, true));
        m.set(1, new MetadataEntry(null, "T.01", "c/d/e", "x", null, When.END, true));
        Map<Integer, List<String>> problems = m.problems();
        assertEquals(List.of("the same name as row 1"), problems.get(1), problems.toString());
        m.set(1, new MetadataEntry(null, "T01 again", "", "x", null, When.END, true));
        assertEquals(List.of("the device is empty"), m.problems().get(1));
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir))) {
            CatalogException e = assertThrows(CatalogException.class, () -> m.save(store.configs(), "ada"));
            assertTrue(e.getMessage().contains("1 rows have problems"), e.getMessage());
            m.set(1, new MetadataEntry(null, "T01 again", "c/d/e", "x", null, When.END, true));
            MetadataConfig saved = m.save(store.configs(), "ada");
            assertEquals(1, saved.version(), "the first save of this beamline in this catalogue");
            assertFalse(m.isDirty());
            assertEquals(m.entries(), store.configs().current("cosaxs").orElseThrow().entries());
        }
    }
}
