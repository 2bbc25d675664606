package dev.replyclock.config;

/**
 * One thing wrong with a configuration: the key, the value found, and what is allowed instead. A value
 * that looks secret is masked here, once, so that stderr, the log and the {@code /-/reload} answer, which
 * all read it from this record, never echo it ({@link SecretMask}).
 */
public record ConfigProblem(String key, String value, String fix) {

    public ConfigProblem {
        value = SecretMask.mask(key, value);
    }

    @Override
    public String toString() {
        return key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": " + fix;
    }
}
