package org.scizoo.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real files other facilities' software wrote ({@code ../shared/data} beside the repository; see its
 * SOURCES.md). Read-only: tests copy what they change. Found from the working directory upwards, or given
 * with {@code -Dscizoo.shared.data=DIR}; a missing folder fails the test with where it was looked for.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String given = System.getProperty("scizoo.shared.data");
        if (given != null) {
            return Path.of(given);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path at = start; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data folder (with SOURCES.md) above " + start
                + "; give it with -Dscizoo.shared.data=DIR");
    }

    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing sample file " + file);
        }
        return file;
    }
}
