package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SciCatBackend;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * The workbench started with {@code --scicat URL} and no login reads the catalogue through the real SciCat
 * 4.5.0: its Scanlog shows the public dataset and not the private one beside it, and the status line names
 * SciCat; a public dataset stored later appears within 3 s, a private one not at all.
 */
class WorkbenchReadsThroughSciCatTest {

    @TempDir
    Path dir;

    @Test
    void anAnonymousWorkbenchShowsSciCatsPublicDatasetsOnly() throws Exception {
        Path data = dir.resolve("store");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.upsert(List.of(entry("20.500.12345/public-1", true), entry("20.500.12345/private-1", false)));
            try (SciCatBackend scicat = new SciCatBackend(dir.resolve("scicat"), SciCatBackend.storeUri(data))) {
                String[] seen = new String[3];
                long[] storedAt = { 0, 0 };
                boolean done = TestWorkbench.run(Map.of(WorkbenchSettings.DATA, dir.resolve("wb").toString(),
                        WorkbenchSettings.SCICAT, scicat.url()), 60_000, model -> {
                            ScanlogPart scanlog = scanlog(model);
                            String status = null;
                            for (Shell s : Display.getCurrent().getShells()) {
                                status = status != null ? status : Widgets.statusLine(s);
                            }
                            seen[2] = status;
                            if (scanlog == null || scanlog.rowCount() == 0) {
                                return false;
                            }
                            if (storedAt[0] == 0) {
                                seen[0] = Integer.toString(scanlog.rowCount());
                                seen[1] = scanlog.cell(0, "name");
                                if (status == null || !status.contains("SciCat")) {
                                    return false;
                                }
                                // the first page is there: now a new public and a new private dataset
                                storeNow(store, entry("20.500.12345/public-2", true),
                                        entry("20.500.12345/private-2", false));
                                storedAt[0] = System.nanoTime();
                                return false;
                            }
                            if (scanlog.rowCount() < 2) {
                                return false;
                            }
                            storedAt[1] = System.nanoTime();
                            seen[1] += " | " + scanlog.cell(0, "name") + " | " + scanlog.rowCount();
                            return true;
                        });
                assertTrue(done, "rows " + seen[0] + ", status '" + seen[2] + "'");
                assertEquals("1", seen[0], "the public dataset only");
                assertEquals("scan 20.500.12345/public-1 | scan 20.500.12345/public-2 | 2", seen[1],
                        "the new public dataset came live, the new private one did not");
                double latency = (storedAt[1] - storedAt[0]) / 1e9;
                assertTrue(latency < 3, "live within 3 s: " + latency + " s");
            }
        }
    }

    private static void storeNow(CatalogStore store, CatalogEntry... entries) {
        try {
            store.upsert(List.of(entries));
        } catch (org.scizoo.core.ports.CatalogException e) {
            throw new AssertionError(e);
        }
    }

    private static ScanlogPart scanlog(MApplication model) {
        EModelService models = model.getContext().get(EModelService.class);
        MPart part = (MPart) models.find("org.scizoo.scanlog.ui.part.scanlog", model);
        return part != null && part.getObject() instanceof ScanlogPart p ? p : null;
    }

    private static CatalogEntry entry(String pid, boolean published) {
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.now().minusSeconds(pid.endsWith("-1") ? (published ? 60 : 30) : 5))
                .datasetName("scan " + pid)
                .ownerGroup(SciCatBackend.BOB_GROUP).proposalIds(List.of(SciCatBackend.BOB_GROUP))
                .isPublished(published).metadata("T01", MetadataValue.of(21.0, "degC")).build();
        return new CatalogEntry(d, List.of());
    }
}
