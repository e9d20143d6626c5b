package org.scizoo.core.ports;

/**
 * A catalogue operation failed in a way the user must hear about (store unreachable, file corrupt,
 * folder not writable). The message is written for the user: what failed, where, and what to do.
 */
public class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
