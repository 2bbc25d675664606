package dev.replyclock.classify;

import java.util.List;

/** A rules file that cannot be used; each problem names the line (when known) and what is wrong. */
public final class RulesException extends Exception {

    private final transient List<String> problems;

    public RulesException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
