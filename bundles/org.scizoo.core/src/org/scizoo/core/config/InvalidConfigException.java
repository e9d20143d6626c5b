package org.scizoo.core.config;

import java.util.List;

/** A SciDog configuration that cannot be used as it is; each problem names where it is. */
public class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
