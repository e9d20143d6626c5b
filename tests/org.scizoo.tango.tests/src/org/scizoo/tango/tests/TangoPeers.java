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
    private static final Duration READY = Duration.ofSeconds(30);

    private final Path dir;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

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
        Path log = dir.resolve(name + ".log");
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
