package org.scizoo.scicat.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.scizoo.headless.CliCommand;
import org.scizoo.tests.support.OsgiServices;

/** A {@code scizoo} command run in this runtime, as the CLI runs it: its exit code, stdout and stderr. */
record Cli(int exit, String out, String err) {

    static Cli run(String name, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliCommand command = OsgiServices.get(CliCommand.class, c -> c.name().equals(name));
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
