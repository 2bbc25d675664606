package dev.replyclock.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The send time of a provider's event: Unix seconds (WhatsApp, some Chatwoot objects), ISO-8601 (Chatwoot), or
 * Chatwoot's older {@code 2020-03-03 13:05:57 UTC}. An absent or unreadable time is the intake's own clock: the
 * message still counts, measured from when it reached us.
 */
final class ProviderTime {

    private static final DateTimeFormatter RAILS_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ProviderTime() {
    }

    static OffsetDateTime of(JsonNode value, Clock clock) {
        Instant at = null;
        if (value != null && value.isNumber()) {
            at = Instant.ofEpochSecond(value.asLong());
        } else if (value != null && value.isTextual()) {
            String text = value.asText().trim();
            try {
                at = text.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(text))
                        : text.endsWith(" UTC") ? Instant.from(RAILS_UTC.parse(text)) : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        return (at == null ? clock.instant() : at).atOffset(ZoneOffset.UTC);
    }
}
