package dev.replyclock.kafka;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Alerts on {@code support.alerts} as JSON (see {@link AlertJson}). */
public final class AlertSerde implements Serde<Alert> {

    @Override
    public Serializer<Alert> serializer() {
        return (topic, alert) -> alert == null ? null : AlertJson.toBytes(alert);
    }

    @Override
    public Deserializer<Alert> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return AlertJson.fromBytes(bytes);
            } catch (IOException e) {
                throw new SerializationException("not an alert: " + e.getMessage(), e);
            }
        };
    }
}
