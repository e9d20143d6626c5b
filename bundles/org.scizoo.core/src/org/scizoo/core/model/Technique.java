package org.scizoo.core.model;

/** An entry of SciCat's {@code techniques[]}, e.g. a PaNET term. */
public record Technique(String pid, String name) {
}
