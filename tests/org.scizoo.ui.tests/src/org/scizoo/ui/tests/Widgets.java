package org.scizoo.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** Finds what a user reads in a window (the texts of its labels) and the controls a user works. Display thread only. */
public final class Widgets {

    private Widgets() {
    }

    public static List<String> labelTexts(Composite root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /** The first label text that matches, or null. */
    public static String labelText(Composite root, Predicate<String> which) {
        return labelTexts(root).stream().filter(which).findFirst().orElse(null);
    }

    /** The first control of {@code type} under {@code root} that matches, or null. */
    public static <T extends Control> T find(Composite root, Class<T> type, Predicate<T> which) {
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && which.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Composite inner) {
                T found = find(inner, type, which);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The status line's text, or null. */
    public static String statusLine(Composite root) {
        return labelText(root, t -> t.startsWith("Catalogue:"));
    }

    private static void collect(Composite c, List<String> out) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l && !l.getText().isBlank()) {
                out.add(l.getText());
            } else if (child instanceof Composite inner) {
                collect(inner, out);
            }
        }
    }
}
