package org.scizoo.tests.support;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code scizoo <command> …} in a JVM of its own, as an operator runs it, so that a test can SIGTERM it or
 * kill -9 it. The child framework is the running test framework's: the same bundles (from this test
 * runtime's config.ini), launched by the Equinox launcher, which must be in the test runtime (a test
 * bundle that uses this requires {@code org.eclipse.equinox.launcher}). Each child gets a configuration
 * folder of its own, so children can run side by side.
 */
public final class ScizooProcess {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private ScizooProcess() {
    }

    /** Starts {@code scizoo args…}; stdout and stderr go to {@code log} (appended). */
    public static Process start(Path workDir, Path log, String... args) throws IOException {
        return start(workDir, log, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, Path, String...)}, with more environment variables (a password, say). */
    public static Process start(Path workDir, Path log, java.util.Map<String, String> env, String... args)
            throws IOException {
        Path configuration = workDir.resolve("child-configuration-" + COUNT.incrementAndGet());
        Files.createDirectories(configuration);
        Files.writeString(configuration.resolve("config.ini"), childConfig());
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.de.bwaldvogel=error", "-cp", launcherJar().toString(),
                        "org.eclipse.equinox.launcher.Main", "-configuration", configuration.toUri().toString(),
                        "-install", configuration.toUri().toString(), "-application", "org.scizoo.headless.cli",
                        "-data", "@none"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The test framework's config.ini without its development class path and install area. */
    private static String childConfig() throws IOException {
        return Files.readAllLines(configIni()).stream()
                .filter(l -> !l.startsWith("osgi.dev=") && !l.startsWith("osgi.install.area="))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The Equinox launcher's jar, from the test runtime's bundle list (config.ini, {@code osgi.bundles}). */
    private static Path launcherJar() throws IOException {
        Properties ini = new Properties();
        try (Reader r = Files.newBufferedReader(configIni())) {
            ini.load(r);
        }
        for (String item : ini.getProperty("osgi.bundles", "").split(",")) {
            String location = item.replaceFirst("@.*$", "").replaceFirst("^reference:", "");
            if (location.matches(".*/org\\.eclipse\\.equinox\\.launcher[-_][^/]*\\.jar")) {
                return Path.of(URI.create(location));
            }
        }
        throw new IllegalStateException("org.eclipse.equinox.launcher is not in the test runtime: require it"
                + " in the test bundle's manifest");
    }

    private static Path configIni() throws IOException {
        String area = System.getProperty("osgi.configuration.area");
        if (area == null) {
            throw new IllegalStateException("not running in an Equinox test runtime (no osgi.configuration.area)");
        }
        try {
            return Path.of(new URI(area.replace(" ", "%20"))).resolve("config.ini");
        } catch (URISyntaxException e) {
            throw new IOException("osgi.configuration.area is not a URL: " + area, e);
        }
    }
}
