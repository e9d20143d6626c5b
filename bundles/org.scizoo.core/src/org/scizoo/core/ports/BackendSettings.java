package org.scizoo.core.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the catalogue lives. With no {@code mongoUri} the embedded store is used, kept in
 * {@code dataDir}; with a URI the same code talks to that MongoDB (database from the URI's path,
 * {@code scicat} when it names none).
 */
public record BackendSettings(Path dataDir, String mongoUri, Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public BackendSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        mongoUri = mongoUri == null || mongoUri.isBlank() ? null : mongoUri.strip();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    }

    public static BackendSettings embedded(Path dataDir) {
        return new BackendSettings(dataDir, null, null);
    }

    public boolean isEmbedded() {
        return mongoUri == null;
    }

    /** The default data folder: {@code $XDG_DATA_HOME/scizoo}, else {@code ~/.local/share/scizoo}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("scizoo");
    }
}
