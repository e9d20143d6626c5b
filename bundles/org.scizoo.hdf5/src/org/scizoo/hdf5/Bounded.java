package org.scizoo.hdf5;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a read of a file with a time limit. A corrupt file can make a reader loop (the HDF5 library's own
 * test files include one); the caller then gets an error in bounded time and goes on. The read goes on in
 * a daemon thread that is interrupted and left behind: it holds nothing the caller needs.
 */
public final class Bounded {

    private Bounded() {
    }

    public interface Read<T> {
        T call() throws Hdf5Exception;
    }

    public static <T> T call(String what, Duration limit, Read<T> read) throws Hdf5Exception {
        FutureTask<T> task = new FutureTask<>((Callable<T>) read::call);
        Thread thread = new Thread(task, "hdf5 read: " + what);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new Hdf5Exception(what + " took longer than " + limit.toSeconds() + " s and was given up "
                    + "(the file may be corrupt)");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new Hdf5Exception(what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Hdf5Exception known) {
                throw known;
            }
            if (cause instanceof OutOfMemoryError) {
                throw new Hdf5Exception(what + " needed more memory than there is (the file may be corrupt)", cause);
            }
            throw Hdf5Exception.of(what + " failed", cause);
        }
    }
}
