package org.scizoo.core.ports;

import org.scizoo.core.model.Scan;

/** Told by a {@link ScanEventSource} when scans start and end. Called on the source's thread. */
public interface ScanListener {

    void scanStarted(Scan scan);

    void scanEnded(Scan scan);

    /** The source hit a problem it recovers from (a malformed event, a lost connection). */
    default void sourceProblem(String source, String message, Throwable cause) {
    }
}
