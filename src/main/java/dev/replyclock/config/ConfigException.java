package dev.replyclock.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used; lists every problem found, not just the first. */
public final class ConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super("invalid configuration " + source + ":\n" + problems.stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
