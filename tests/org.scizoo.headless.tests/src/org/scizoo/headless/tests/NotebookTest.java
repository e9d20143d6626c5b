package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.headless.CliCommand;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SharedData;

/**
 * {@code scizoo catalog notebook}: the notebook it writes is valid for Debian's nbformat, and Jupyter's
 * {@code nbconvert --execute} runs it on real NeXus files from other facilities' software: each file's
 * NeXus default is plotted, a file not on this computer is said, the datasets' metadata arrives unchanged.
 */
class NotebookTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String JUPYTER = "/usr/bin/jupyter";
    private static final String HERE = "20.500.12345/nb-here";
    private static final String AWAY = "20.500.12345/nb-away";
    /** What a user may type in a comment: a Python string's end, a Markdown table's bar, a new line. */
    private static final String AWKWARD = "a \"\"\" quote | bar\nand \\ back";

    @TempDir
    Path dir;

    @Test
    void theNotebookIsValidAndRunsOnRealNexusFiles() throws Exception {
        Path data = dir.resolve("data");
        store(data);
        Path nb = dir.resolve("notes").resolve("two scans.ipynb");
        CliTest.Run run = CliTest.run("catalog", "notebook", HERE, AWAY, "--out", nb.toString(), "--data",
                data.toString());
        assertEquals(CliCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("wrote " + nb + " (2 datasets)"), run.out());
        assertTrue(run.out().contains("jupyter lab " + nb.toAbsolutePath()), run.out());

        String checked = exec(List.of(PYTHON, "-c", """
                import json, sys, nbformat
                nb = nbformat.read(sys.argv[1], as_version=4)
                nbformat.validate(nb)
                print(nb.nbformat, nb.nbformat_minor, [c.cell_type for c in nb.cells])
                exec("".join(nb.cells[1].source))
                print(json.dumps(datasets[1]["scientificMetadata"], sort_keys=True))
                """, nb.toString()));
        String[] lines = checked.strip().split("\n");
        assertEquals("4 5 ['markdown', 'code', 'code']", lines[0], checked);
        Document metadata = Document.parse(lines[lines.length - 1]);
        assertEquals(AWKWARD, metadata.get("remark", Document.class).getString("value"));
        assertEquals(new Document("value", 21.5).append("unit", "degC"), metadata.get("T01", Document.class));
        assertEquals("NaN", metadata.get("gap", Document.class).getString("value"), "JSON has no NaN: its text");

        Path executed = dir.resolve("executed.ipynb");
        exec(List.of(JUPYTER, "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300",
                "--output-dir", dir.toString(), "--output", "executed", nb.toString()));
        Document result = Document.parse(Files.readString(executed));
        StringBuilder printed = new StringBuilder();
        int images = 0;
        List<String> errors = new ArrayList<>();
        for (Document cell : result.getList("cells", Document.class)) {
            for (Document output : cell.getList("outputs", Document.class, List.of())) {
                switch (output.getString("output_type")) {
                    case "stream" -> printed.append(String.join("", output.getList("text", String.class)));
                    case "display_data" -> images += output.get("data", Document.class).containsKey("image/png") ? 1
                            : 0;
                    case "error" -> errors.add(output.getString("ename") + ": " + output.getString("evalue"));
                    default -> {
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
        Path nexus = SharedData.dir().resolve("nexus");
        String out = printed.toString();
        assertTrue(out.contains(nexus.resolve("example.nxs") + ": plotted /entry/data/signal (101, 101)"), out);
        assertTrue(out.contains(nexus.resolve("scienta_txt_ref.nxs") + ": plotted /Ag__001__Ag3d/data/data (361,)"),
                out);
        assertTrue(out.contains("/beamline/raw/scan_7.h5: not on this computer"), out);
        assertTrue(out.contains(HERE + " ") && out.contains(AWAY + " "), out);
        assertEquals(2, images, "one plot per file on this computer: " + out);
    }

    @Test
    void aHubOpensItsOwnFolderOnlyAndAnUnknownPidIsSaid() throws Exception {
        Path data = dir.resolve("data");
        store(data);
        Path home = dir.resolve("home");
        Path nb = home.resolve("beamtime 1").resolve("scan.ipynb");
        CliTest.Run run = CliTest.run("catalog", "notebook", HERE, "--out", nb.toString(), "--jupyterhub",
                "https://jupyterhub.example.org/hub/", "--hub-home", home.toString(), "--data", data.toString());
        assertEquals(CliCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains(
                "open https://jupyterhub.example.org/hub/user-redirect/lab/tree/beamtime%201/scan.ipynb"), run.out());
        assertTrue(Files.isRegularFile(nb));

        Path outside = dir.resolve("elsewhere.ipynb");
        CliTest.Run refused = CliTest.run("catalog", "notebook", HERE, "--out", outside.toString(), "--jupyterhub",
                "https://jupyterhub.example.org/", "--hub-home", home.toString(), "--data", data.toString());
        assertEquals(CliCommand.FAILED, refused.exit());
        assertTrue(refused.err().contains("the folder JupyterHub's user servers see"), refused.err());
        assertFalse(Files.exists(outside), "nothing written where the hub cannot see it");

        Path none = dir.resolve("none.ipynb");
        CliTest.Run unknown = CliTest.run("catalog", "notebook", HERE, "20.500.12345/not-there", "--out",
                none.toString(), "--data", data.toString());
        assertEquals(CliCommand.FAILED, unknown.exit());
        assertTrue(unknown.err().contains("no dataset 20.500.12345/not-there"), unknown.err());
        assertFalse(Files.exists(none));
    }

    private static void store(Path data) throws Exception {
        Path nexus = SharedData.dir().resolve("nexus");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.upsert(List.of(
                    entry(HERE, nexus.toString(), List.of("example.nxs", "scienta_txt_ref.nxs"),
                            Map.of("energy", MetadataValue.of(12.4, "keV"))),
                    entry(AWAY, "/beamline/raw", List.of("scan_7.h5"),
                            Map.of("T01", MetadataValue.of(21.5, "degC"), "remark", MetadataValue.of(AWKWARD),
                                    "gap", MetadataValue.of(Double.NaN, "mm")))));
        }
    }

    private static CatalogEntry entry(String pid, String folder, List<String> files,
            Map<String, MetadataValue> metadata) {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder(folder).size(1).numberOfFiles(files.size()).creationTime(t)
                .datasetName("scan " + pid.substring(pid.indexOf('-') + 1)).ownerGroup("p1").proposalIds(List.of("p1"))
                .scientificMetadata(metadata).build();
        List<DataFile> list = files.stream().map(f -> new DataFile(f, 1, t, null)).toList();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, 1, null, "p1", List.of(), list)));
    }

    /** Runs a program (its output in a file, so a hung one cannot block the read); fails unless it exits 0. */
    private String exec(List<String> command) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            throw new IllegalStateException(command.get(0) + " is missing: install python3-nbformat, jupyter-nbconvert,"
                    + " python3-ipykernel, python3-matplotlib and python3-h5py (./scizoo test does)");
        }
        Path log = Files.createTempFile(dir, "exec", ".log");
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("MPLCONFIGDIR", dir.resolve("mpl").toString());
        b.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("jupyter-runtime").toString());
        Process p = b.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in 5 minutes: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
