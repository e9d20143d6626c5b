package org.scizoo.headless.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.scizoo.headless.Args;
import org.scizoo.headless.UsageException;

/** {@code scizoo ingest --watch DIR}'s options as the files source (SciFly) takes them. */
final class WatchOptions {

    private WatchOptions() {
    }

    static Map<String, String> of(Args args) throws UsageException {
        Path folder = Path.of(args.value("watch"));
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--watch " + folder + ": no such folder");
        }
        Map<String, String> options = new HashMap<>();
        options.put("folder", folder.toAbsolutePath().toString());
        Duration quiet = args.duration("quiet-period", Duration.ofSeconds(2));
        options.put("quiet", Long.toString(quiet.toMillis()));
        options.put("poll", Long.toString(Math.max(50, Math.min(500, quiet.toMillis() / 2))));
        if (args.value("pattern") != null) {
            options.put("patterns", args.value("pattern"));
        }
        options.put("instrument", args.value("instrument") == null ? "scifly" : args.value("instrument"));
        if (args.value("proposal") != null) {
            options.put("proposal", args.value("proposal"));
        }
        TimeZoneOption.of(args).ifPresent(zone -> options.put("zone", zone));
        return options;
    }
}
