package dev.replyclock.config;

/** One thing wrong with a configuration: the key, the value found, and what is allowed instead. */
public record ConfigProblem(String key, String value, String fix) {

    @Override
    public String toString() {
        return key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": " + fix;
    }
}
