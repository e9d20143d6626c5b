package org.scizoo.hdf5.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's Python with h5py (installed by the test command) and the HDF5 tools, for test files. */
final class H5py {

    static final String PYTHON = "/usr/bin/python3";

    private H5py() {
    }

    /** Runs a Python script with arguments; fails with its output when it does not exit 0 within 5 min. */
    static String run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "script", ".py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
        command.addAll(List.of(args));
        return exec(command, true);
    }

    /** {@code h5ls -r FILE}: its standard output (its errors are kept apart). */
    static String h5ls(Path file) throws IOException, InterruptedException {
        return exec(List.of("h5ls", "-r", file.toString()), false);
    }

    private static String exec(List<String> command, boolean withErrors) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish in 5 minutes");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && withErrors) {
            throw new IOException(command + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }
}
