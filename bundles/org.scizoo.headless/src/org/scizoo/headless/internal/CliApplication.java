package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo <command> [options]} as an OSGi application: finds the command among the registered
 * {@link CliCommand} services and runs it. The return value is the process's exit code.
 */
public class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw == null ? List.of() : Arrays.asList(raw);
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (Services services = new Services()) {
            // Commands are DS components of this and other bundles: give SCR a moment to register them.
            List<CliCommand> commands = services.all(CliCommand.class, 2000).stream()
                    .sorted(Comparator.comparing(CliCommand::name)).toList();
            if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
                help(commands, out);
                return args.isEmpty() ? CliCommand.USAGE : CliCommand.OK;
            }
            String name = args.get(0);
            CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                err.println("scizoo: unknown command '" + name + "'");
                help(commands, err);
                return CliCommand.USAGE;
            }
            List<String> rest = args.subList(1, args.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                out.println(command.usage());
                return CliCommand.OK;
            }
            try {
                return command.run(rest, out, err);
            } catch (UsageException e) {
                err.println("scizoo " + name + ": " + e.getMessage());
                err.println();
                err.println(command.usage());
                return CliCommand.USAGE;
            } catch (RuntimeException e) {
                err.println("scizoo " + name + ": failed: " + e);
                return CliCommand.FAILED;
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void help(List<CliCommand> commands, PrintStream s) {
        s.println("usage: scizoo [--data DIR] [--mongo-uri URI]        open the workbench");
        s.println("       scizoo <command> [options]                   run a command without a display");
        s.println();
        s.println("commands:");
        for (CliCommand c : commands) {
            s.printf("  %-10s %s%n", c.name(), c.summary());
        }
        s.println();
        s.println("'scizoo <command> --help' tells a command's options.");
    }

    @Override
    public void stop() {
        // Commands end on their own; a SIGTERM stops the framework, which deactivates the services.
    }
}
