package org.scizoo.scanlog.core;

/** Elogy could not do what was asked; the message says why in words for the user. */
public class ElogyException extends Exception {

    private static final long serialVersionUID = 1L;

    public ElogyException(String message) {
        super(message);
    }

    public ElogyException(String message, Throwable cause) {
        super(message, cause);
    }
}
