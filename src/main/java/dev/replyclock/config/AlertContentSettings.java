package dev.replyclock.config;

import dev.replyclock.alert.AlertText;

/**
 * What alerts say: {@code alerts.language}, {@code alerts.team-languages}, {@code alerts.templates.*} and
 * {@code alerts.link-template} (in {@link AlertText}), and whether alerts carry a redacted excerpt of the
 * customer's message ({@code alerts.include-excerpt}, {@code alerts.excerpt-length}).
 */
public record AlertContentSettings(AlertText text, boolean includeExcerpt, int excerptLength) {

    public static final AlertContentSettings DEFAULT = new AlertContentSettings(AlertText.DEFAULT, false, 120);
}
