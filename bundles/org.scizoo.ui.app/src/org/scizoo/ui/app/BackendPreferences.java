package org.scizoo.ui.app;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.scizoo.core.ports.Credentials;
import org.scizoo.core.ports.SciCatLogin;

/**
 * The backend a user chose in the Backend dialog: addresses and user names in the workbench's preferences,
 * passwords in Eclipse secure storage (encrypted with the master password), never in plain files or logs.
 * Headless: the UI hands it the two preference trees, tests hand it their own.
 */
public final class BackendPreferences {

    /** What is kept in plain preferences. Blank fields are "not set". */
    public record Stored(String mongoUri, String mongoUser, String kafka, String topic, String kafkaUser,
            String kafkaMechanism) {

        public static final Stored EMPTY = new Stored(null, null, null, null, null, null);

        public Stored {
            mongoUri = blankToNull(mongoUri);
            mongoUser = blankToNull(mongoUser);
            kafka = blankToNull(kafka);
            topic = blankToNull(topic);
            kafkaUser = blankToNull(kafkaUser);
            kafkaMechanism = blankToNull(kafkaMechanism);
        }

        /** True when logging in needs a password from secure storage. */
        public boolean needsSecrets() {
            return mongoUser != null || kafkaUser != null;
        }
    }

    /** The SciCat to read through instead of MongoDB, and who logs in (none: anonymous, public data only). */
    public record SciCat(String url, String user) {

        public SciCat {
            url = blankToNull(url);
            user = blankToNull(user);
        }
    }

    static final String SECURE_NODE = "org.scizoo/backend";
    private static final String MONGO_PASSWORD = "mongo.password";
    private static final String SCICAT_PASSWORD = "scicat.password";
    /** A token SciCat gave (its web page shows it): how an OIDC account logs in here. */
    private static final String SCICAT_TOKEN = "scicat.token";
    private static final String KAFKA_PASSWORD = "kafka.password";

    private final Preferences plain;
    private final ISecurePreferences secureRoot;

    /**
     * @param plain the workbench's instance preferences node for the backend
     * @param secureRoot the secure storage (the default one, or a test's own)
     */
    public BackendPreferences(Preferences plain, ISecurePreferences secureRoot) {
        this.plain = plain;
        this.secureRoot = secureRoot;
    }

    public Stored load() {
        return new Stored(plain.get("mongo.uri", null), plain.get("mongo.user", null), plain.get("kafka", null),
                plain.get("kafka.topic", null), plain.get("kafka.user", null), plain.get("kafka.mechanism", null));
    }

    /**
     * Saves the settings; a password given (non-null) replaces the stored one, an empty one removes it, a
     * null one keeps what is stored.
     */
    public void save(Stored s, String mongoPassword, String kafkaPassword)
            throws StorageException, BackingStoreException, java.io.IOException {
        put("mongo.uri", s.mongoUri());
        put("mongo.user", s.mongoUser());
        put("kafka", s.kafka());
        put("kafka.topic", s.topic());
        put("kafka.user", s.kafkaUser());
        put("kafka.mechanism", s.kafkaMechanism());
        plain.flush();
        ISecurePreferences node = secureRoot.node(SECURE_NODE);
        putSecret(node, MONGO_PASSWORD, mongoPassword);
        putSecret(node, KAFKA_PASSWORD, kafkaPassword);
        node.flush();
    }

    public SciCat loadSciCat() {
        return new SciCat(plain.get("scicat.url", null), plain.get("scicat.user", null));
    }

    /**
     * Saves the SciCat to read through (a null URL: none); a password given replaces the stored one, an
     * empty one removes it, null keeps it.
     */
    public void saveSciCat(SciCat scicat, String password) throws StorageException, BackingStoreException,
            java.io.IOException {
        saveSciCat(scicat, password, null);
    }

    /**
     * Saves the SciCat to read through with a user's password or, without a user, a token SciCat gave; each
     * given replaces the stored one, empty removes it, null keeps it. A user's login drops a stored token.
     */
    public void saveSciCat(SciCat scicat, String password, String token) throws StorageException,
            BackingStoreException, java.io.IOException {
        put("scicat.url", scicat.url());
        put("scicat.user", scicat.user());
        plain.flush();
        ISecurePreferences node = secureRoot.node(SECURE_NODE);
        putSecret(node, SCICAT_PASSWORD, scicat.user() == null ? "" : password);
        putSecret(node, SCICAT_TOKEN, scicat.user() != null ? "" : token == null ? null : token.strip());
        node.flush();
    }

    /** Log out: the SciCat stays, its user, password and token are forgotten; the next session reads anonymously. */
    public void logOutOfSciCat() throws StorageException, BackingStoreException, java.io.IOException {
        saveSciCat(new SciCat(loadSciCat().url(), null), "", "");
    }

    /** The saved SciCat's login, with its password from secure storage; null when none is saved. */
    public SciCatLogin sciCatLogin() throws StorageException {
        SciCat s = loadSciCat();
        if (s.url() == null) {
            return null;
        }
        ISecurePreferences node = secureRoot.node(SECURE_NODE);
        String password = s.user() == null ? null : node.get(SCICAT_PASSWORD, null);
        String token = s.user() == null ? node.get(SCICAT_TOKEN, null) : null;
        return SciCatLogin.of(s.url(), s.user(), password, token, false);
    }

    public boolean hasStoredSciCatPassword() {
        return java.util.Arrays.asList(secureRoot.node(SECURE_NODE).keys()).contains(SCICAT_PASSWORD);
    }

    public boolean hasStoredSciCatToken() {
        return java.util.Arrays.asList(secureRoot.node(SECURE_NODE).keys()).contains(SCICAT_TOKEN);
    }

    /** The logins for these settings; reading the passwords may ask for the master password once. */
    public Credentials credentials(Stored s) throws StorageException {
        if (!s.needsSecrets()) {
            return Credentials.NONE;
        }
        ISecurePreferences node = secureRoot.node(SECURE_NODE);
        return new Credentials(s.mongoUser(), s.mongoUser() == null ? null : node.get(MONGO_PASSWORD, null),
                s.kafkaUser(), s.kafkaUser() == null ? null : node.get(KAFKA_PASSWORD, null), s.kafkaMechanism(),
                false);
    }

    public boolean hasStoredPassword(boolean kafka) {
        return java.util.Arrays.asList(secureRoot.node(SECURE_NODE).keys())
                .contains(kafka ? KAFKA_PASSWORD : MONGO_PASSWORD);
    }

    private void put(String key, String value) {
        if (value == null) {
            plain.remove(key);
        } else {
            plain.put(key, value);
        }
    }

    private static void putSecret(ISecurePreferences node, String key, String value) throws StorageException {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            node.remove(key);
        } else {
            node.put(key, value, true); // encrypted
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
