package org.scizoo.core.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the catalogue lives and how entries reach it. With no {@code mongoUri} the embedded store is
 * used, kept in {@code dataDir}; with a URI the same code talks to that MongoDB (database from the URI's
 * path, {@code scicat} when it names none). With a {@code kafkaBootstrap} ingested entries go to Kafka
 * (topic {@code kafkaTopic}) for SciCow to store; without, they are written to the store in-process.
 * {@code credentials} log in to a MongoDB and a Kafka that ask for them.
 */
public record BackendSettings(Path dataDir, String mongoUri, Duration connectTimeout, String kafkaBootstrap,
        String kafkaTopic, Credentials credentials, SciCatLogin scicat) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_TOPIC = "scizoo.catalog.v1";

    public BackendSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        mongoUri = mongoUri == null || mongoUri.isBlank() ? null : mongoUri.strip();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        kafkaBootstrap = kafkaBootstrap == null || kafkaBootstrap.isBlank() ? null : kafkaBootstrap.strip();
        kafkaTopic = kafkaTopic == null || kafkaTopic.isBlank() ? DEFAULT_TOPIC : kafkaTopic.strip();
        credentials = credentials == null ? Credentials.NONE : credentials;
        if (scicat != null && mongoUri != null) {
            throw new IllegalArgumentException("A catalogue is read through SciCat or from MongoDB, not both");
        }
    }

    public BackendSettings(Path dataDir, String mongoUri, Duration connectTimeout, String kafkaBootstrap,
            String kafkaTopic, Credentials credentials) {
        this(dataDir, mongoUri, connectTimeout, kafkaBootstrap, kafkaTopic, credentials, null);
    }

    public BackendSettings(Path dataDir, String mongoUri, Duration connectTimeout, String kafkaBootstrap,
            String kafkaTopic) {
        this(dataDir, mongoUri, connectTimeout, kafkaBootstrap, kafkaTopic, Credentials.NONE);
    }

    public BackendSettings withCredentials(Credentials c) {
        return new BackendSettings(dataDir, mongoUri, connectTimeout, kafkaBootstrap, kafkaTopic, c, scicat);
    }

    /** The same settings reading the catalogue through SciCat's API instead. */
    public BackendSettings withSciCat(SciCatLogin login) {
        return new BackendSettings(dataDir, null, connectTimeout, kafkaBootstrap, kafkaTopic, credentials, login);
    }

    public BackendSettings(Path dataDir, String mongoUri, Duration connectTimeout) {
        this(dataDir, mongoUri, connectTimeout, null, null);
    }

    public static BackendSettings embedded(Path dataDir) {
        return new BackendSettings(dataDir, null, null);
    }

    /**
     * Why {@code topic} cannot name a Kafka topic, by Kafka's rule (letters, digits, '.', '_' and '-', at most 249,
     * not "." or ".."), or null when it can: checked where people type it, so that a wrong name is said at once.
     */
    public static String topicNameProblem(String topic) {
        boolean legal = topic.matches("[a-zA-Z0-9._-]{1,249}") && !topic.equals(".") && !topic.equals("..");
        return legal ? null
                : "'" + topic + "' is not a Kafka topic name (letters, digits, '.', '_' and '-', at most 249)";
    }

    public boolean isEmbedded() {
        return mongoUri == null && scicat == null;
    }

    /** The catalogue is SciCat's, read through its REST API with {@link #scicat()}'s login. */
    public boolean isSciCat() {
        return scicat != null;
    }

    /** The default data folder: {@code $XDG_DATA_HOME/scizoo}, else {@code ~/.local/share/scizoo}. */
    /**
     * Where our search index of this catalogue lives, in the data folder: {@code search-index} for the
     * embedded store, {@code search-index-mongo-HASH} for a MongoDB (a hash of its URI, so two never share one).
     */
    public Path searchIndexDir() {
        if (isEmbedded() || mongoUri == null) {
            return dataDir.resolve("search-index");
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(mongoUri.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return dataDir.resolve("search-index-mongo-" + java.util.HexFormat.of().formatHex(hash).substring(0, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("scizoo");
    }
}
