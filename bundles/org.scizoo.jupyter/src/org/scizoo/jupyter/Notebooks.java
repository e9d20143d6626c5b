package org.scizoo.jupyter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;

/**
 * A Jupyter notebook (nbformat 4.5, Python 3) on datasets: a summary, the datasets' pids, metadata and file
 * paths as data, and code that opens each HDF5/NeXus file with h5py and plots its NeXus default
 * ({@code nexus_plot.py} beside this class, kept as a Python file so it can be read and run on its own).
 */
public final class Notebooks {

    /** nbformat's version this writes: 4.5 is the first with cell ids, which its validator then requires. */
    static final int NBFORMAT = 4;
    static final int NBFORMAT_MINOR = 5;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).indentCharacters(" ").build();
    private static final String PLOT_CODE = resource("nexus_plot.py");

    private Notebooks() {
    }

    /** The datasets of those pids with their datablocks; a pid the store does not have (or not for this user) is said. */
    public static List<NotebookDataset> load(CatalogStore store, List<String> pids) throws CatalogException {
        List<NotebookDataset> found = new ArrayList<>();
        for (String pid : pids) {
            Optional<Dataset> d = store.findDataset(pid);
            if (d.isEmpty()) {
                throw new CatalogException("no dataset " + pid + " in " + store.describe());
            }
            found.add(NotebookDataset.of(d.get(), store.findDatablocks(pid)));
        }
        return found;
    }

    /** The notebook as nbformat's JSON. */
    public static String notebook(List<NotebookDataset> datasets, Instant written) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("a notebook needs at least one dataset");
        }
        List<Document> cells = List.of(markdown("summary", summary(datasets, written)),
                code("datasets", datasetsCode(datasets)), code("plots", "%matplotlib inline\n" + PLOT_CODE));
        Document metadata = new Document("kernelspec",
                new Document("name", "python3").append("display_name", "Python 3").append("language", "python"))
                .append("language_info", new Document("name", "python"))
                .append("scizoo", new Document("pids", datasets.stream().map(NotebookDataset::pid).toList())
                        .append("written", written.toString()));
        return new Document("cells", cells).append("metadata", metadata).append("nbformat", NBFORMAT)
                .append("nbformat_minor", NBFORMAT_MINOR).toJson(JSON) + "\n";
    }

    /** Writes the notebook to {@code file} whole or not at all (a reader never sees half a notebook). */
    public static Path write(List<NotebookDataset> datasets, Instant written, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            Files.writeString(part, notebook(datasets, written), StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return file;
    }

    private static String summary(List<NotebookDataset> datasets, Instant written) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(datasets.size() == 1 ? datasets.get(0).datasetName() : datasets.size() + " datasets")
                .append("\n\nWritten by SciZoo on ").append(written).append(". The next cell holds each dataset's")
                .append(" pid, scientific metadata and files; the one after opens every HDF5/NeXus file with h5py")
                .append(" and plots its NeXus default.\n\n| pid | name | proposal | created | files |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (NotebookDataset d : datasets) {
            md.append("| `").append(cell(d.pid())).append("` | ").append(cell(d.datasetName())).append(" | ")
                    .append(cell(String.join(", ", d.proposalIds()))).append(" | ").append(d.creationTime())
                    .append(" | ").append(d.files().size()).append(" |\n");
        }
        return md.toString();
    }

    /** Text in a Markdown table cell: its bars escaped, on one line. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replaceAll("[\\r\\n]+", " ");
    }

    /**
     * Python that reads the datasets from JSON in a raw triple-quoted string: JSON text never holds three
     * quotes in a row outside a string, and inside one a quote is escaped, so the string cannot end early.
     */
    private static String datasetsCode(List<NotebookDataset> datasets) {
        List<Document> list = new ArrayList<>();
        for (NotebookDataset d : datasets) {
            Document metadata = new Document();
            for (Map.Entry<String, MetadataValue> e : d.scientificMetadata().entrySet()) {
                Document v = new Document("value", jsonSafe(e.getValue().value()));
                if (e.getValue().unit() != null) {
                    v.append("unit", e.getValue().unit());
                }
                metadata.append(e.getKey(), v);
            }
            list.add(new Document("pid", d.pid()).append("datasetName", d.datasetName())
                    .append("proposalIds", d.proposalIds()).append("creationTime", d.creationTime().toString())
                    .append("sourceFolder", d.sourceFolder()).append("files", d.files())
                    .append("scientificMetadata", metadata));
        }
        String json = new Document("datasets", list).toJson(JSON);
        return "# The datasets as SciZoo has them: pid, name, proposals, creation time, files, scientificMetadata\n"
                + "import json\n\ndatasets = json.loads(r\"\"\"\n" + json + "\n\"\"\")[\"datasets\"]\n"
                + "for d in datasets:\n    print(d[\"pid\"], d[\"datasetName\"], len(d[\"files\"]), \"file(s)\")";
    }

    /** A value as plain JSON: a NaN or infinite number (JSON has none) as its text. */
    private static Object jsonSafe(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Notebooks::jsonSafe).toList();
        }
        return v;
    }

    private static Document markdown(String id, String text) {
        return new Document("cell_type", "markdown").append("id", id).append("metadata", new Document())
                .append("source", lines(text));
    }

    private static Document code(String id, String text) {
        return new Document("cell_type", "code").append("execution_count", null).append("id", id)
                .append("metadata", new Document()).append("outputs", List.of()).append("source", lines(text));
    }

    /** nbformat's multi-line string: a list of lines, each but the last ending in a newline. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).endsWith("\n")) {
            String last = lines.remove(lines.size() - 1);
            lines.add(last.substring(0, last.length() - 1));
        }
        return lines;
    }

    private static String resource(String name) {
        try (InputStream in = Notebooks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from bundle org.scizoo.jupyter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
