package org.scizoo.headless;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code scizoo <name> …} command, an OSGi service: a plug-in adds a command by registering one.
 * Exit codes (the table in docs/operators.md): {@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link #UNDELIVERED};
 * a JVM stopped by SIGTERM exits 143 once the shutdown hooks (which finish the work in hand) are done.
 */
public interface CliCommand {

    /** Done, or stopped by --duration. */
    int OK = 0;
    /** The work could not be done: the store or broker unreachable at start, a file unreadable, … */
    int FAILED = 1;
    /** The command line or the --config file is wrong. */
    int USAGE = 2;
    /** Stopped with datasets not yet delivered; they are kept (the Kafka outbox) for the next run. */
    int UNDELIVERED = 3;

    String name();

    /** One line for {@code scizoo help}. */
    String summary();

    /** The full usage text for {@code scizoo <name> --help}. */
    String usage();

    /**
     * @param args the arguments after the command's name
     * @throws UsageException for a wrong command line; the caller prints it with the usage and exits 2
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
