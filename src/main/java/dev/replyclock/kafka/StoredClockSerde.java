package dev.replyclock.kafka;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state-store format of a conversation: a small versioned binary record (about 100 bytes with one
 * signal, against 250 as JSON), because every change is written to RocksDB and to a changelog topic.
 * Holds no customer identifier and no customer text, only the conversation id, times, tier, policy name
 * and the matched signal spans; with {@code alerts.include-excerpt} on, also the redacted excerpt.
 */
final class StoredClockSerde implements Serde<StoredClock> {

    /**
     * Version 2 adds the team and, only when the clock has one ({@code alerts.include-excerpt} on), the
     * redacted excerpt after it, flagged {@link #EXCERPT}; version 1 records (no team) are still read.
     * Version 3 is version 2 with wide strings ({@link StoreStrings}). Version 4 adds, after the signals of an
     * open clock, who acknowledged it ("" = nobody) and the deadlines that raised alerts (the incidents to
     * close); version 5 is version 4 with wide strings, written only when a string is over 65,535 bytes.
     * Versions 1 to 3 are read with no acknowledger and no incidents.
     */
    private static final byte VERSION = 4;
    private static final byte VERSION_WIDE = 5;
    private static final int OPEN = 1;
    private static final int STALE = 2;
    private static final int ACKED = 4;
    private static final int FIRST_REPLY = 8;
    private static final int EXCERPT = 16;
    private static final Tier[] TIERS = Tier.values();
    private static final Stage[] STAGES = Stage.values();

    @Override
    public Serializer<StoredClock> serializer() {
        return (topic, s) -> s == null ? null : encode(s);
    }

    @Override
    public Deserializer<StoredClock> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(StoredClock s) {
        return StoreStrings.narrowElseWide(wide -> encode(s, wide ? VERSION_WIDE : VERSION), "a stored reply clock");
    }

    private static byte[] encode(StoredClock s, byte version) throws IOException {
        boolean wide = version == VERSION_WIDE;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            ReplyClock c = s.clock();
            int flags = c == null ? 0 : OPEN | (c.stale() ? STALE : 0) | (c.acked() ? ACKED : 0)
                    | (c.firstReply() ? FIRST_REPLY : 0) | (c.excerpt() != null ? EXCERPT : 0);
            out.writeByte(flags);
            out.writeLong(s.repliedAt());
            out.writeLong(s.wakeUpMillis());
            if (c != null) {
                StoreStrings.write(out, c.conversationId(), wide);
                StoreStrings.write(out, c.channel() == null ? "" : c.channel(), wide);
                out.writeByte(c.tier().ordinal());
                out.writeLong(c.openedAt().toEpochMilli());
                out.writeLong(c.startedAt().toEpochMilli());
                out.writeLong(c.warnAt() == null ? Long.MIN_VALUE : c.warnAt().toEpochMilli());
                out.writeLong(c.deadline().toEpochMilli());
                out.writeByte(c.stage().ordinal());
                out.writeShort(c.escalations());
                StoreStrings.write(out, c.policy(), wide);
                StoreStrings.write(out, c.team() == null ? "" : c.team(), wide);
                if (c.excerpt() != null) {
                    StoreStrings.write(out, c.excerpt().length() > 2000 ? c.excerpt().substring(0, 2000) : c.excerpt(),
                            wide);
                }
                out.writeShort(c.signals().size());
                for (Signal sig : c.signals()) {
                    StoreStrings.write(out, sig.family(), wide);
                    out.writeByte(sig.tier().ordinal());
                    StoreStrings.write(out, sig.matched().length() > 200 ? sig.matched().substring(0, 200) : sig.matched(),
                            wide);
                    out.writeInt(sig.start());
                    out.writeInt(sig.end());
                }
                String by = s.ackedBy() == null ? "" : s.ackedBy();
                StoreStrings.write(out, by.length() > 200 ? by.substring(0, 200) : by, wide);
                List<Long> incidents = s.incidents().size() > 1000
                        ? s.incidents().subList(s.incidents().size() - 1000, s.incidents().size()) : s.incidents();
                out.writeShort(incidents.size());
                for (long d : incidents) {
                    out.writeLong(d);
                }
            }
        }
        return bytes.toByteArray();
    }

    static StoredClock decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version < 1 || version > VERSION_WIDE) {
                throw new SerializationException("unknown stored clock version " + version);
            }
            boolean wide = version == 3 || version == VERSION_WIDE;
            int flags = in.readByte();
            long repliedAt = in.readLong();
            long wakeUp = in.readLong();
            if ((flags & OPEN) == 0) {
                return StoredClock.closed(repliedAt, wakeUp);
            }
            String conversationId = StoreStrings.read(in, wide);
            String channel = StoreStrings.read(in, wide);
            Tier tier = TIERS[in.readByte()];
            Instant openedAt = Instant.ofEpochMilli(in.readLong());
            Instant startedAt = Instant.ofEpochMilli(in.readLong());
            long warn = in.readLong();
            Instant deadline = Instant.ofEpochMilli(in.readLong());
            Stage stage = STAGES[in.readByte()];
            int escalations = in.readShort();
            String policy = StoreStrings.read(in, wide);
            String team = version >= 2 ? StoreStrings.read(in, wide) : "";
            String excerpt = version >= 2 && (flags & EXCERPT) != 0 ? StoreStrings.read(in, wide) : null;
            int n = in.readShort();
            List<Signal> signals = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                signals.add(new Signal(StoreStrings.read(in, wide), TIERS[in.readByte()], StoreStrings.read(in, wide),
                        in.readInt(), in.readInt()));
            }
            ReplyClock clock = new ReplyClock(conversationId, channel.isEmpty() ? null : channel, tier, openedAt,
                    startedAt, warn == Long.MIN_VALUE ? null : Instant.ofEpochMilli(warn), deadline, stage, escalations,
                    (flags & STALE) != 0, signals, policy, (flags & ACKED) != 0, (flags & FIRST_REPLY) != 0,
                    team.isEmpty() ? null : team, excerpt);
            String ackedBy = null;
            List<Long> incidents = new ArrayList<>();
            if (version >= 4) {
                ackedBy = StoreStrings.read(in, wide);
                int count = in.readShort();
                for (int i = 0; i < count; i++) {
                    incidents.add(in.readLong());
                }
            }
            return new StoredClock(clock, repliedAt, wakeUp, ackedBy == null || ackedBy.isEmpty() ? null : ackedBy,
                    incidents);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a stored reply clock", e);
        }
    }
}
