package org.scizoo.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Display;
import org.scizoo.tests.support.ArgsApplicationContext;

/**
 * Runs the real control-room workbench (Application.e4xmi and every fragment) in the test's JVM, as
 * E4Application does, with no saved layout. A check runs on the display thread every 100 ms until it
 * says it is done or the time is up; then the workbench closes and its context is disposed, which stops
 * the addons (and with them the catalogue session) as the application's shutdown does.
 */
public final class TestWorkbench {

    private TestWorkbench() {
    }

    /**
     * @param settings system properties the workbench reads (WorkbenchSettings), set for this run only
     * @param check called with the application model on the display thread; returns true when done. It
     *            is called once more with the time up, so it can record what it saw.
     * @return true if the check finished before the time was up
     */
    public static boolean run(Map<String, String> settings, long timeoutMs, Predicate<MApplication> check) {
        return run(settings, List.of("-persistState", "false", "-clearPersistedState"), timeoutMs, check);
    }

    /**
     * As {@link #run(Map, long, Predicate)}, but with e4's own arguments given instead of "no saved layout"
     * (for instance {@code -lifeCycleURI}, or {@code -persistState true} to load a layout saved in the
     * instance location).
     */
    public static boolean run(Map<String, String> settings, List<String> e4Args, long timeoutMs,
            Predicate<MApplication> check) {
        settings.forEach(System::setProperty);
        try {
            List<String> args = new ArrayList<>(List.of("-applicationXMI", "org.scizoo.ui.app/Application.e4xmi"));
            args.addAll(e4Args);
            return run(args.toArray(String[]::new), timeoutMs, check);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private static boolean run(String[] args, long timeoutMs, Predicate<MApplication> check) {
        Display display = Display.getDefault();
        E4Workbench workbench = new E4Application().createE4Workbench(new ArgsApplicationContext(args), display);
        MApplication model = workbench.getApplication();
        long deadline = System.currentTimeMillis() + timeoutMs;
        boolean[] finished = new boolean[1];
        Throwable[] failed = new Throwable[1];
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            boolean timeUp = System.currentTimeMillis() > deadline;
            boolean done;
            try {
                done = check.test(model);
            } catch (RuntimeException | AssertionError e) { // a failing check ends the run, never hangs it
                failed[0] = e;
                workbench.close();
                return;
            }
            if (done && !timeUp) {
                finished[0] = true;
                workbench.close();
            } else if (timeUp) {
                workbench.close();
            } else {
                display.timerExec(100, tick[0]);
            }
        };
        display.timerExec(100, tick[0]);
        try {
            workbench.createAndRunUI(model); // returns once close() is called
        } finally {
            workbench.getContext().dispose();
        }
        if (failed[0] instanceof AssertionError a) {
            throw a;
        } else if (failed[0] != null) {
            throw new AssertionError("the check failed: " + failed[0], failed[0]);
        }
        return finished[0];
    }
}
