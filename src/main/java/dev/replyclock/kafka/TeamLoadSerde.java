package dev.replyclock.kafka;

import dev.replyclock.model.Tier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link TeamLoad} on the team-load topic and in the team store: a small versioned binary record (about 40
 * bytes), like {@link StoredClockSerde}, since one is written per change of a conversation's open state.
 */
final class TeamLoadSerde implements Serde<TeamLoad> {

    private static final byte VERSION = 1;
    /** Version 1 with a wide conversation id ({@link StoreStrings}): written only when it is over 65,535 bytes. */
    private static final byte VERSION_WIDE = 2;
    private static final Tier[] TIERS = Tier.values();

    @Override
    public Serializer<TeamLoad> serializer() {
        return (topic, t) -> t == null ? null : encode(t);
    }

    @Override
    public Deserializer<TeamLoad> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(TeamLoad t) {
        return StoreStrings.narrowElseWide(wide -> encode(t, wide ? VERSION_WIDE : VERSION), "a team load record");
    }

    private static byte[] encode(TeamLoad t, byte version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeBoolean(t.open());
            out.writeByte(t.tier().ordinal());
            out.writeLong(t.openedAt().toEpochMilli());
            out.writeLong(t.deadline().toEpochMilli());
            StoreStrings.write(out, t.conversationId(), version == VERSION_WIDE);
        }
        return bytes.toByteArray();
    }

    static TeamLoad decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WIDE) {
                throw new SerializationException("unknown team load version " + version);
            }
            boolean open = in.readBoolean();
            Tier tier = TIERS[in.readByte()];
            Instant openedAt = Instant.ofEpochMilli(in.readLong());
            Instant deadline = Instant.ofEpochMilli(in.readLong());
            return new TeamLoad(StoreStrings.read(in, version == VERSION_WIDE), tier, openedAt, deadline, open);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a team load record", e);
        }
    }
}
