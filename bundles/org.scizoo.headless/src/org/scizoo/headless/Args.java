package org.scizoo.headless;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.scizoo.core.model.Durations;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.Credentials;
import org.scizoo.core.ports.SciCatLogin;

/**
 * A command's parsed arguments: {@code --name value}, {@code --name=value}, {@code --flag}, and positional
 * words. Every option must be declared; anything else is a {@link UsageException} naming it.
 */
public final class Args {

    /** Options every command that touches the catalogue takes. */
    public static final Set<String> BACKEND_OPTIONS = Set.of("data", "mongo-uri", "connect-timeout", "mongo-user");
    /** The Kafka login options of commands that talk to Kafka. */
    public static final Set<String> KAFKA_LOGIN_OPTIONS = Set.of("kafka-user", "kafka-sasl-mechanism");
    /** Passwords come from the environment, never from the command line (visible in ps) or a file. */
    public static final String MONGO_PASSWORD_ENV = "SCIZOO_MONGO_PASSWORD";
    public static final String KAFKA_PASSWORD_ENV = "SCIZOO_KAFKA_PASSWORD";
    /** Reading through SciCat ({@code catalog list|export}): its URL and the user; password or token from the environment. */
    public static final Set<String> SCICAT_OPTIONS = Set.of("scicat", "scicat-user");
    public static final String SCICAT_PASSWORD_ENV = "SCIZOO_SCICAT_PASSWORD";
    public static final String SCICAT_TOKEN_ENV = "SCIZOO_SCICAT_TOKEN";

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    public static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        return parseCommandLine(args, valueOptions, flagOptions);
    }

    /**
     * As {@link #parse}, for the service commands (ingest, consume): {@code --config FILE} adds the options
     * of a properties file. (Other commands use --config for other files, e.g. harvest's SciDog table.)
     */
    public static Args parseWithConfigFile(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Set<String> options = with(valueOptions, CONFIG);
        Args a = parseCommandLine(args, options, flagOptions);
        if (a.values.containsKey(CONFIG)) {
            a.addConfigFile(Path.of(a.values.get(CONFIG)), options, flagOptions);
        }
        return a;
    }

    /**
     * {@code --config FILE}: the same options as Java properties ({@code kafka = host:9092}, {@code sim = true}),
     * for services started by systemd and the like. Options given on the command line win.
     */
    public static final String CONFIG = "config";

    private void addConfigFile(Path file, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new UsageException("--config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--config " + file + ": cannot be read: " + e.getMessage());
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            if (flagOptions.contains(key)) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new UsageException(file + ": " + key + " is true or false, not '" + value + "'");
                }
                if (value.equals("true")) {
                    flags.add(key);
                }
            } else if (valueOptions.contains(key) && !key.equals(CONFIG)) {
                values.putIfAbsent(key, value);
            } else {
                Set<String> known = new TreeSet<>(valueOptions);
                known.addAll(flagOptions);
                known.remove(CONFIG);
                throw new UsageException(
                        file + ": unknown setting '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static Args parseCommandLine(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                if (arg.startsWith("-") && arg.length() > 1) {
                    throw new UsageException("unknown option " + arg + " (options start with --)");
                }
                a.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                a.flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                a.values.put(name, value);
                a.repeated.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return a;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String value(String name) {
        return values.get(name);
    }

    /** Every value an option was given on the command line, in order ({@link #value} is the last). */
    public List<String> values(String name) {
        return List.copyOf(repeated.getOrDefault(name, List.of()));
    }

    public List<String> positional() {
        return positional;
    }

    public int intValue(String name, int def, int min) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    public Duration duration(String name, Duration def) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /**
     * {@code --data DIR} (default: the user's data folder), {@code --mongo-uri}, {@code --connect-timeout},
     * and, for commands that declare them, {@code --kafka HOST:PORT} and {@code --topic}.
     */
    public BackendSettings backend() throws UsageException {
        return backend(System.getenv());
    }

    /** As {@link #backend()}, with the passwords from {@code env} (SCIZOO_MONGO_PASSWORD, SCIZOO_KAFKA_PASSWORD). */
    public BackendSettings backend(Map<String, String> env) throws UsageException {
        String data = values.get("data");
        Path dir = data == null ? BackendSettings.defaultDataDir() : Path.of(data);
        Credentials credentials;
        try {
            credentials = new Credentials(values.get("mongo-user"), env.get(MONGO_PASSWORD_ENV),
                    values.get("kafka-user"), env.get(KAFKA_PASSWORD_ENV), values.get("kafka-sasl-mechanism"),
                    false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kafka-sasl-mechanism: " + e.getMessage());
        }
        String topic = values.get("topic");
        String topicProblem = topic == null ? null : BackendSettings.topicNameProblem(topic);
        if (topicProblem != null) {
            throw new UsageException("--topic " + topicProblem);
        }
        BackendSettings settings = new BackendSettings(dir, values.get("mongo-uri"),
                duration("connect-timeout", BackendSettings.DEFAULT_CONNECT_TIMEOUT), values.get("kafka"), topic,
                credentials);
        String scicat = values.get("scicat");
        if (scicat == null) {
            if (values.containsKey("scicat-user")) {
                throw new UsageException("--scicat-user needs --scicat URL");
            }
            return settings;
        }
        if (values.containsKey("mongo-uri")) {
            throw new UsageException("--scicat and --mongo-uri: read the catalogue through SciCat or from MongoDB,"
                    + " not both");
        }
        String user = values.get("scicat-user");
        if (user != null && (env.get(SCICAT_PASSWORD_ENV) == null || env.get(SCICAT_PASSWORD_ENV).isEmpty())) {
            throw new UsageException("--scicat-user " + user + " needs the password in $" + SCICAT_PASSWORD_ENV);
        }
        try {
            return settings.withSciCat(SciCatLogin.of(scicat, user, user == null ? null : env.get(SCICAT_PASSWORD_ENV),
                    user == null ? env.get(SCICAT_TOKEN_ENV) : null, false));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scicat: " + e.getMessage());
        }
    }

    public static Set<String> with(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    public static Set<String> with(Set<String> a, String... more) {
        Set<String> s = new HashSet<>(a);
        s.addAll(List.of(more));
        return s;
    }
}
