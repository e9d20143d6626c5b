package org.scizoo.core.ports;

import org.scizoo.core.model.Scan;

/** Told by a {@link ScanEventSource} when scans start and end. Called on the source's thread. */
public interface ScanListener {

    void scanStarted(Scan scan);

    void scanEnded(Scan scan);

    /** The source hit a problem it goes on after (a malformed event, a file it could not read). */
    default void sourceProblem(String source, String message, Throwable cause) {
    }

    /**
     * The source cannot deliver scans until something outside it changes (its Door cannot be reached, its
     * folder is gone). Said once; the source keeps trying and calls {@link #sourceUp} when it delivers
     * again. Until then the session reports the source as down. By default, a problem like any other.
     */
    default void sourceDown(String source, String message, Throwable cause) {
        sourceProblem(source, message, cause);
    }

    /** The source works again after {@link #sourceDown}; {@code message} says so in a few words. */
    default void sourceUp(String source, String message) {
    }
}
