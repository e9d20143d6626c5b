package org.scizoo.hdf5;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A file, object or value that cannot be read, with a message a user can act on: what was being read
 * and why it failed (the reader's own messages, outermost first, without repeats).
 */
public class Hdf5Exception extends Exception {

    private static final long serialVersionUID = 1L;

    public Hdf5Exception(String message) {
        super(message);
    }

    public Hdf5Exception(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{what}: {the causes' messages}", e.g. "cannot read the members of /entry: Failed to load …". */
    public static Hdf5Exception of(String what, Throwable cause) {
        if (cause instanceof Hdf5Exception known) {
            return new Hdf5Exception(what + ": " + known.getMessage(), known);
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = cause; t != null && messages.size() < 4; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && messages.stream().noneMatch(s -> s.contains(m))) {
                messages.add(m.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String why = messages.isEmpty() ? cause.getClass().getSimpleName() : String.join(": ", messages);
        return new Hdf5Exception(what + ": " + why, cause);
    }
}
