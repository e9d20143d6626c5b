package org.scizoo.tango.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;

/**
 * Real Tango device servers for the tests, started here and stopped when closed: TangoTest (Debian
 * tango-test) and PyTango servers playing a SAXS beamline's devices (peers/beamline_devices.py, Debian
 * python3-tango), each on its own port without a Tango database, so devices are addressed as
 * {@code tango://127.0.0.1:PORT/domain/family/member#dbase=no}.
 */
final class TangoPeers implements AutoCloseable {

    static final String TANGO_TEST = "/usr/lib/tango/TangoTest";
    static final String PYTHON = "/usr/bin/python3";
    static final String DATABASEDS = "/usr/lib/tango/DataBaseds";
    private static final Duration READY = Duration.ofSeconds(30);

    private final Path dir;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private String tangoHost;

    TangoPeers(Path dir) throws IOException {
        this.dir = dir;
        for (String exe : List.of(TANGO_TEST, PYTHON)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new IllegalStateException(exe + " is missing: install the Debian packages tango-test and"
                        + " python3-tango (./scizoo test does)");
            }
        }
        try (InputStream in = FrameworkUtil.getBundle(TangoPeers.class).getEntry("peers/beamline_devices.py")
                .openStream()) {
            Files.copy(in, dir.resolve("beamline_devices.py"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Starts TangoTest with device sys/tg_test/1; returns its device URI. */
    String startTangoTest() throws IOException, InterruptedException {
        int port = freePort();
        start("TangoTest", port, List.of(TANGO_TEST, "test", "-nodb", "-ORBendPoint",
                "giop:tcp:127.0.0.1:" + port, "-dlist", "sys/tg_test/1"), Map.of());
        return uri(port, "sys/tg_test/1");
    }

    /** Starts one PyTango server of the class with the devices; returns their URIs in order. */
    List<String> startPython(String deviceClass, List<String> devices, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        start(deviceClass, port, List.of(PYTHON, dir.resolve("beamline_devices.py").toString(), deviceClass, "test",
                "-nodb", "-ORBendPoint", "giop:tcp:127.0.0.1:" + port, "-dlist", String.join(",", devices)), env);
        List<String> uris = new ArrayList<>();
        for (String d : devices) {
            uris.add(uri(port, d));
        }
        return uris;
    }

    String startPython(String deviceClass, String device) throws IOException, InterruptedException {
        return startPython(deviceClass, List.of(device), Map.of()).get(0);
    }

    /**
     * A Tango database: MariaDB (started here unless one already runs) with the schema of Debian's tango-db,
     * and DataBaseds on a free port. Returns the TANGO_HOST ({@code 127.0.0.1:PORT}).
     */
    String startDatabase() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(DATABASEDS))) {
            throw new IllegalStateException(DATABASEDS + " is missing: install the Debian packages mariadb-server"
                    + " and tango-db (./scizoo test does)");
        }
        if (!mariadbAnswers()) {
            Files.createDirectories(Path.of("/run/mysqld"));
            new ProcessBuilder("chown", "mysql:mysql", "/run/mysqld").inheritIO().start().waitFor();
            Path log = dir.resolve("mariadb.log");
            Process p = new ProcessBuilder("/usr/sbin/mariadbd", "--user=mysql", "--bind-address=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            processes.put("mariadb", p);
            long deadline = System.nanoTime() + READY.toNanos();
            while (!mariadbAnswers()) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
        int port = freePort();
        tangoHost = "127.0.0.1:" + port;
        Map<String, String> credentials = dbconfigCredentials();
        start("DataBaseds", port, List.of(DATABASEDS, "2", "-ORBendPoint", "giop:tcp:127.0.0.1:" + port),
                Map.of("MYSQL_USER", credentials.get("dbc_dbuser"), "MYSQL_PASSWORD", credentials.get("dbc_dbpass"),
                        "TANGO_HOST", tangoHost));
        return tangoHost;
    }

    /** Registers the fake Sardana Door in the database and starts it; returns its full device name. */
    String startDoor(String device) throws IOException, InterruptedException {
        return startDoor(device, "test");
    }

    /**
     * A Door served by Door server instance {@code instance}, defined first; the process is named
     * {@code Door-<instance>} ({@code Door} for instance {@code test}).
     */
    String startDoor(String device, String instance) throws IOException, InterruptedException {
        tangoAdmin("--add-server", "Door/" + instance, "Door", device); // fine when registered by an earlier run
        // the process (for kill and restart, and its log file): "Door" for the first instance, as before
        start(instance.equals("test") ? "Door" : "Door-" + instance, 0,
                List.of(PYTHON, dir.resolve("beamline_devices.py").toString(), "Door", instance),
                Map.of("TANGO_HOST", tangoHost));
        return "tango://" + tangoHost + "/" + device;
    }

    /** Removes a Door server instance and its devices from the database (the database outlives a run). */
    void deleteDoorServer(String instance) throws IOException, InterruptedException {
        tangoAdmin("--delete-server", "Door/" + instance);
    }

    private void tangoAdmin(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tango_admin"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("tango_admin.log").toFile()));
        pb.environment().put("TANGO_HOST", tangoHost);
        pb.start().waitFor();
    }

    /** Runs a command of a device through PyTango (the way a beamline script would); returns its output. */
    String command(String device, String command, String argument) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-c", "import sys, tango; print(tango.DeviceProxy(sys.argv[1])"
                + ".command_inout(sys.argv[2], sys.argv[3]))", device, command, argument).redirectErrorStream(true);
        if (tangoHost != null) {
            pb.environment().put("TANGO_HOST", tangoHost);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " on " + device + " failed: " + out);
        }
        return out;
    }

    /** The user and password Debian's dbconfig gave the tango database (scizoo test preseeds tango/tango). */
    private static Map<String, String> dbconfigCredentials() throws IOException {
        Map<String, String> c = new java.util.HashMap<>(Map.of("dbc_dbuser", "tango", "dbc_dbpass", "tango"));
        Path conf = Path.of("/etc/dbconfig-common/tango-db.conf");
        if (Files.isReadable(conf)) {
            for (String line : Files.readAllLines(conf)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(dbc_dbuser|dbc_dbpass)='(.*)'$")
                        .matcher(line.strip());
                if (m.matches()) {
                    c.put(m.group(1), m.group(2));
                }
            }
        }
        return c;
    }

    private static boolean mariadbAnswers() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mariadb-admin", "ping").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    /** Starts a server again after {@link #kill}, exactly as it was started (same port). */
    void restart(String name) throws IOException, InterruptedException {
        start(name, ports.get(name), commands.get(name), environments.get(name));
    }

    /** Kills a server as a crash would (SIGKILL). */
    void kill(String name) throws InterruptedException {
        Process p = processes.remove(name);
        if (p != null) {
            p.destroyForcibly().waitFor();
        }
    }

    static String uri(int port, String device) {
        return "tango://127.0.0.1:" + port + "/" + device + "#dbase=no";
    }

    private void start(String name, int port, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        commands.put(name, command);
        environments.put(name, env);
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.put(name, p);
        ports.put(name, port);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!Files.readString(log).contains("Ready to accept request")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not start (" + (p.isAlive() ? "not ready after "
                        + READY.toSeconds() + " s" : "exited " + p.exitValue()) + "): " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
