package dev.replyclock.config;

/**
 * One thing wrong with a configuration: the key, the value found, and what is allowed instead. A value
 * that looks secret is masked here, once, so that stderr, the log and the {@code /-/reload} answer, which
 * all read it from this record, never echo it ({@link SecretMask}).
 */
public record ConfigProblem(String key, String value, String fix) {

    public ConfigProblem {
        String masked = SecretMask.mask(key, value);
        if (value != null && !value.equals(masked)) {
            fix = fix.replace(value, masked); // a fix may name the value ("... > FILE"): never the secret
        }
        value = masked;
    }

    @Override
    public String toString() {
        return key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": " + fix;
    }
}
