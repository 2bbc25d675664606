package dev.replyclock.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may do, each role including the ones below it: {@code viewer} reads (GET silences),
 * {@code responder} also acts on alerts (ack, create and delete silences), {@code admin} also reloads the
 * configuration and is the first factor of the full export.
 */
public enum Role {
    VIEWER, RESPONDER, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(text)).findFirst();
    }
}
