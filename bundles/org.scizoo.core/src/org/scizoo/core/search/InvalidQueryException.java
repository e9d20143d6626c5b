package org.scizoo.core.search;

/** A search the user typed or sent that cannot be run: the message says where and why. */
public class InvalidQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
