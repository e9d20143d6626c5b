package org.scizoo.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the watcher has done with each file, kept across restarts in a tab-separated journal (one line per
 * file done: path, size, modified time, SHA-256 or "-", and the error for a file that could not be read).
 * A file is done once; it is looked at again only when its size or time change.
 */
public final class IngestedFiles implements AutoCloseable {

    /** One file done: its stamp, its checksum when catalogued, the reason when not. */
    public record Done(String path, long size, long modifiedMillis, String sha256, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Map<String, Done> done = new ConcurrentHashMap<>();
    private final BufferedWriter journal;

    /** Opens (or creates) the journal and reads what it holds; a line that cannot be read is skipped. */
    public IngestedFiles(Path journalFile) throws IOException {
        Files.createDirectories(journalFile.toAbsolutePath().getParent());
        if (Files.exists(journalFile)) {
            for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 5);
                if (f.length >= 4) {
                    try {
                        done.put(f[0], new Done(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]),
                                f[3].equals("-") ? null : f[3], f.length == 5 ? f[4] : null));
                    } catch (NumberFormatException e) {
                        // a line cut by a crash mid-write: the file is simply looked at again
                    }
                }
            }
        }
        journal = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** True when this file, with this size and time, was done already. */
    public boolean isDone(Path file, long size, long modifiedMillis) {
        Done d = done.get(file.toString());
        return d != null && d.size() == size && d.modifiedMillis() == modifiedMillis;
    }

    public Done get(Path file) {
        return done.get(file.toString());
    }

    public int size() {
        return done.size();
    }

    public synchronized void record(Done d) throws IOException {
        done.put(d.path(), d);
        String error = d.error() == null ? "" : "\t" + d.error().replaceAll("[\t\r\n]+", " ");
        journal.write(d.path() + "\t" + d.size() + "\t" + d.modifiedMillis() + "\t" + (d.sha256() == null ? "-"
                : d.sha256()) + error);
        journal.newLine();
        journal.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }
}
