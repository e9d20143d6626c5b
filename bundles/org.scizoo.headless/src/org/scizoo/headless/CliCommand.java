package org.scizoo.headless;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code scizoo <name> …} command, an OSGi service: a plug-in adds a command by registering one.
 * Exit codes: {@link #OK}, {@link #FAILED} (the work could not be done: store unreachable, …),
 * {@link #USAGE} (the command line is wrong).
 */
public interface CliCommand {

    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;

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
