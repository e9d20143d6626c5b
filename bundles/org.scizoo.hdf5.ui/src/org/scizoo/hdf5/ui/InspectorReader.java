package org.scizoo.hdf5.ui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.scizoo.hdf5.FileStamp;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.Hdf5Exception;

/**
 * Reads one file for an inspector part, on a thread of its own: jhdf is not made for concurrent use, and
 * the display thread never waits for a disk. Results come back on the display thread. A read that takes
 * too long (a corrupt file can make a reader loop) can be abandoned: the thread is left behind and a new
 * one opens the file again.
 */
final class InspectorReader {

    interface Read<T> {
        T read(H5File file) throws Hdf5Exception;
    }

    /** What is being read and since when, for the part's "reading … (12 s)". */
    record Busy(String what, long sinceNanos) {
    }

    private final Path path;
    private final Display display;
    private final AtomicReference<Busy> busy = new AtomicReference<>();
    private ExecutorService thread = newThread();
    private volatile H5File file;
    private volatile FileStamp stamp;
    private int generation;

    InspectorReader(Path path, Display display) {
        this.path = path;
        this.display = display;
    }

    private ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hdf5 inspector: " + path.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    Path path() {
        return path;
    }

    /** Runs {@code read} on the reader thread (opening the file first if needed); answers on the display thread. */
    <T> void read(String what, Read<T> read, Consumer<T> done, Consumer<String> failed) {
        int submittedIn = generation;
        ExecutorService on = thread;
        on.execute(() -> {
            busy.set(new Busy(what, System.nanoTime()));
            Object result;
            boolean ok;
            try {
                result = read.read(open());
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

    private H5File open() throws Hdf5Exception {
        if (file == null) {
            stamp = FileStamp.of(path);
            file = H5File.open(path);
        }
        return file;
    }

    /** Closes the file; the next read opens it again (a growing file shows what was added). Display thread. */
    void reload() {
        generation++;
        thread.execute(this::closeFile);
    }

    /** True when the file on disk may no longer be the one read (see {@link FileStamp}). Any thread. */
    boolean changedOnDisk() {
        FileStamp seen = stamp;
        return seen != null && !seen.isCurrent(path);
    }

    Busy busy() {
        return busy.get();
    }

    /** Leaves a stuck read behind: a new thread opens the file again for the next reads. Display thread. */
    void abandon() {
        generation++;
        thread.shutdownNow();
        thread = newThread();
        file = null; // the old thread may still hold it; it is not touched again
    }

    private void closeFile() {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    void dispose() {
        generation++;
        thread.execute(this::closeFile);
        thread.shutdown();
    }
}
