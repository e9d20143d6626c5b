package org.scizoo.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.Durations;
import org.scizoo.core.model.TimeZones;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.Credentials;
import org.scizoo.core.ports.IngestOptions;

/**
 * The workbench's backend choice, from the system properties the {@code scizoo} launcher sets from its
 * command line: {@code scizoo.data} (--data), {@code scizoo.mongo.uri} (--mongo-uri),
 * {@code scizoo.sim} (--no-sim turns the simulated beamline off), {@code scizoo.sim.interval}, and
 * {@code scizoo.kafka} / {@code scizoo.kafka.topic} (--kafka, --topic: scans go to Kafka through the
 * durable outbox, for SciCow to store; the status line counts what waits in the outbox), {@code scizoo.watch}
 * (--watch DIR) with {@code scizoo.time-zone} (--time-zone: the analyser computer's zone, for SES files;
 * else the one in the preferences).
 */
public record WorkbenchSettings(BackendSettings backend, IngestOptions ingest) {

    public static final String DATA = "scizoo.data";
    public static final String MONGO_URI = "scizoo.mongo.uri";
    public static final String SIM = "scizoo.sim";
    public static final String SIM_INTERVAL = "scizoo.sim.interval";
    /** SciFly in the workbench: a folder of analyser files to catalogue ({@code ./scizoo --watch DIR}). */
    public static final String WATCH = "scizoo.watch";
    public static final String KAFKA = "scizoo.kafka";
    public static final String KAFKA_TOPIC = "scizoo.kafka.topic";
    /** The analyser computer's time zone for SciFly's SES files ({@code ./scizoo --time-zone ZONE}). */
    public static final String TIME_ZONE = "scizoo.time-zone";
    /** Reading the catalogue through SciCat ({@code ./scizoo --scicat URL [--scicat-user NAME]}). */
    public static final String SCICAT = "scizoo.scicat";
    public static final String SCICAT_USER = "scizoo.scicat.user";
    /** The password or token never comes through a property (visible in ps): from the environment. */
    public static final String SCICAT_PASSWORD_ENV = "SCIZOO_SCICAT_PASSWORD";
    public static final String SCICAT_TOKEN_ENV = "SCIZOO_SCICAT_TOKEN";

    /** @throws IllegalArgumentException naming the property whose value is wrong */
    public static WorkbenchSettings fromSystemProperties() {
        return resolve(BackendPreferences.Stored.EMPTY, Credentials.NONE);
    }

    /**
     * The launcher's options (system properties) where given, else what the user saved in the Backend
     * dialog ({@code stored}, logging in with {@code credentials}).
     *
     * @throws IllegalArgumentException naming the property whose value is wrong
     */
    public static WorkbenchSettings resolve(BackendPreferences.Stored stored, Credentials credentials) {
        return resolve(stored, credentials, null);
    }

    /**
     * As {@link #resolve(BackendPreferences.Stored, Credentials)}, with the SciCat saved in the Backend dialog
     * ({@code storedSciCat}, null for none): read through it unless the launcher names a store or a SciCat.
     */
    public static WorkbenchSettings resolve(BackendPreferences.Stored stored, Credentials credentials,
            org.scizoo.core.ports.SciCatLogin storedSciCat) {
        String data = System.getProperty(DATA);
        Path dir = data == null || data.isBlank() ? BackendSettings.defaultDataDir() : Path.of(data);
        String mongoUri = System.getProperty(MONGO_URI, stored.mongoUri());
        String kafka = System.getProperty(KAFKA, stored.kafka());
        String topic = System.getProperty(KAFKA_TOPIC, stored.topic());
        String topicProblem = topic == null || topic.isBlank() ? null : BackendSettings.topicNameProblem(topic.strip());
        if (topicProblem != null) {
            throw new IllegalArgumentException("--topic: " + topicProblem);
        }
        BackendSettings backend = new BackendSettings(dir, mongoUri, null, kafka, topic, credentials);
        String scicat = System.getProperty(SCICAT);
        if ((scicat == null || scicat.isBlank()) && storedSciCat != null && System.getProperty(MONGO_URI) == null) {
            backend = new BackendSettings(dir, null, null, kafka, topic, credentials).withSciCat(storedSciCat);
        } else if (scicat != null && !scicat.isBlank()) {
            if (System.getProperty(MONGO_URI) != null) {
                throw new IllegalArgumentException("--scicat and --mongo-uri: read the catalogue through SciCat or"
                        + " from MongoDB, not both");
            }
            String user = System.getProperty(SCICAT_USER);
            try {
                backend = new BackendSettings(dir, null, null, kafka, topic, credentials).withSciCat(
                        org.scizoo.core.ports.SciCatLogin.of(scicat, user, user == null ? null
                                : System.getenv(SCICAT_PASSWORD_ENV),
                                user == null ? System.getenv(SCICAT_TOKEN_ENV)
                                        : null,
                                false));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scicat: " + e.getMessage(), e);
            }
        }
        // The simulated beamline is the embedded default's data source; a shared backend has real ones.
        boolean sim = Boolean.parseBoolean(System.getProperty(SIM, Boolean.toString(backend.isEmbedded())));
        String interval = System.getProperty(SIM_INTERVAL, "3s");
        try {
            Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sim-interval: " + e.getMessage(), e);
        }
        IngestOptions ingest = sim ? IngestOptions.simulated(interval) : IngestOptions.none();
        String watch = System.getProperty(WATCH);
        if (watch != null && !watch.isBlank()) {
            List<IngestOptions.SourceSpec> sources = new java.util.ArrayList<>(ingest.sources());
            Map<String, String> files = new java.util.HashMap<>(Map.of("folder", watch, "instrument", "scifly"));
            String zone = System.getProperty(TIME_ZONE, WorkbenchPreferences.timeZone());
            if (zone != null && !zone.isBlank()) {
                try {
                    files.put("zone", TimeZones.parse(zone).getId());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--time-zone: " + e.getMessage(), e);
                }
            }
            sources.add(new IngestOptions.SourceSpec("files", files));
            ingest = new IngestOptions(sources);
        }
        return new WorkbenchSettings(backend, ingest.withLiveFeed()); // every beamline's scans, with Kafka
    }
}
