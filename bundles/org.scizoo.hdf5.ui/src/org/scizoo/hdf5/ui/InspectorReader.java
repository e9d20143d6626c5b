package org.scizoo.hdf5.ui;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.scizoo.hdf5.FileStamp;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.Hdf5Exception;

/**
 * Reads one file for an inspector part, in jobs ("Reading … of FILE"): one at a time for the file (a
 * scheduling rule of the file's, since jhdf is not made for concurrent use), and the display thread never
 * waits for a disk. Results come back on the display thread. A read that takes too long (a corrupt file can
 * make a reader loop) can be abandoned: its job is cancelled and left behind with the rule it holds, and the
 * next reads open the file again under a rule of their own.
 */
final class InspectorReader {

    interface Read<T> {
        T read(H5File file) throws Hdf5Exception;
    }

    /** What is being read and since when, for the part's "reading … (12 s)". */
    record Busy(String what, long sinceNanos) {
    }

    /** The reads of one opening of the file; a read abandoned keeps its session, the next reads get a new one. */
    private static final class Session implements ISchedulingRule {
        volatile H5File file;

        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    }

    private final Path path;
    private final Display display;
    private final AtomicReference<Busy> busy = new AtomicReference<>();
    private Session session = new Session();
    private volatile FileStamp stamp;
    private volatile Job running;
    private int generation;

    InspectorReader(Path path, Display display) {
        this.path = path;
        this.display = display;
    }

    Path path() {
        return path;
    }

    /** Runs {@code read} in a job (opening the file first if needed); answers on the display thread. */
    <T> void read(String what, Read<T> read, Consumer<T> done, Consumer<String> failed) {
        int submittedIn = generation;
        Session in = session;
        schedule("Reading " + what + " of " + path.getFileName(), in, () -> {
            busy.set(new Busy(what, System.nanoTime()));
            Object result;
            boolean ok;
            try {
                result = read.read(open(in));
                ok = true;
            } catch (Hdf5Exception e) {
                result = e.getMessage();
                ok = false;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                result = Hdf5Exception.of(what + " failed", e).getMessage();
                ok = false;
            } finally {
                busy.set(null);
            }
            Object answer = result;
            boolean success = ok;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (submittedIn != generation) {
                        return; // answered after a reload or an abandon: stale
                    }
                    if (success) {
                        @SuppressWarnings("unchecked")
                        T t = (T) answer;
                        done.accept(t);
                    } else {
                        failed.accept((String) answer);
                    }
                });
            }
        });
    }

    private void schedule(String name, Session rule, Runnable work) {
        Job job = Job.create(name, monitor -> {
            running = Job.getJobManager().currentJob();
            work.run();
        });
        job.setRule(rule);
        job.schedule();
    }

    private H5File open(Session in) throws Hdf5Exception {
        if (in.file == null) {
            stamp = FileStamp.of(path);
            in.file = H5File.open(path);
        }
        return in.file;
    }

    /** Closes the file; the next read opens it again (a growing file shows what was added). Display thread. */
    void reload() {
        generation++;
        Session in = session;
        schedule("Closing " + path.getFileName(), in, () -> closeFile(in));
    }

    /** True when the file on disk may no longer be the one read (see {@link FileStamp}). Any thread. */
    boolean changedOnDisk() {
        FileStamp seen = stamp;
        return seen != null && !seen.isCurrent(path);
    }

    Busy busy() {
        return busy.get();
    }

    /** Leaves a stuck read behind: the next reads open the file again, under a rule of their own. Display thread. */
    void abandon() {
        generation++;
        Job stuck = running;
        if (stuck != null) {
            stuck.cancel();
        }
        session = new Session(); // the stuck read keeps the old one's file; it is not touched again
    }

    private static void closeFile(Session in) {
        H5File f = in.file;
        if (f != null) {
            f.close();
            in.file = null;
        }
    }

    void dispose() {
        generation++;
        Session in = session;
        schedule("Closing " + path.getFileName(), in, () -> closeFile(in));
    }
}
