package dev.replyclock.kafka;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Strings in the binary store formats ({@link StoredClockSerde}, {@link TeamLoadSerde}). Narrow: modified
 * UTF-8 behind a 2-byte length ({@link DataOutputStream#writeUTF}), what every earlier version wrote; it
 * throws {@link java.io.UTFDataFormatException} past 65,535 bytes. Wide: UTF-8 behind a 4-byte length, for
 * the record that holds such a string. A serde writes narrow and falls back to its wide version only then,
 * so an instance of the previous release still reads all it could have written.
 */
final class StoreStrings {

    private StoreStrings() {
    }

    /** A record's encoding with narrow or wide strings. */
    interface Encoder {
        byte[] encode(boolean wide) throws IOException;
    }

    /** Narrow, what the previous release reads; wide only when a string does not fit. */
    static byte[] narrowElseWide(Encoder encoder, String what) {
        try {
            try {
                return encoder.encode(false);
            } catch (UTFDataFormatException tooLong) {
                return encoder.encode(true);
            }
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + what, e);
        }
    }

    static void write(DataOutputStream out, String s, boolean wide) throws IOException {
        if (!wide) {
            out.writeUTF(s);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String read(DataInputStream in, boolean wide) throws IOException {
        if (!wide) {
            return in.readUTF();
        }
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
