package dev.replyclock.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.StreamingAead;
import dev.replyclock.model.AlertJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Expired conversation states, archived before deletion for a separate storage server: one file per batch,
 * gzip-compressed JSON lines encrypted with Tink streaming AEAD (AES256_GCM_HKDF_4KB), the file name as
 * associated data (a renamed file does not decrypt). The file is made in memory (a batch is bounded by the
 * punctuator's) and handed whole to an {@link ArchiveStore}: a local directory or an S3 bucket, which
 * stores and checks it. Thread-safe: every stream thread writes its own files.
 */
public final class StateArchive {

    public static final String SUFFIX = ".jsonl.gz.tink";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveStore store;
    private final StreamingAead aead;
    private final Clock clock;

    public StateArchive(ArchiveStore store, StreamingAead aead, Clock clock) {
        this.store = store;
        this.aead = aead;
        this.clock = clock;
    }

    /** Opens an archive in a local directory, creating its keyset file if missing. */
    public static StateArchive open(Path dir, Path keysetFile, Clock clock) throws IOException {
        return open(new LocalArchiveStore(dir), keysetFile, clock);
    }

    /** Opens an archive in {@code store}, creating its keyset file if missing. */
    public static StateArchive open(ArchiveStore store, Path keysetFile, Clock clock) throws IOException {
        return new StateArchive(store, ArchiveKeyset.loadOrCreate(keysetFile), clock);
    }

    /** Where the files go, for the log. */
    public String describe() {
        return store.describe();
    }

    /**
     * Writes one archive file holding {@code states}; when it returns, the store holds the file intact.
     *
     * @param task the stream task that expired them: two tasks never write the same file name
     * @return the file's name
     */
    public String write(List<ArchivedState> states, String task) throws IOException {
        String name = "replyclock-" + STAMP.format(clock.instant()) + "-" + task.replace('_', '-') + SUFFIX;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream encrypted = aead.newEncryptingStream(file, associatedData(name));
             GZIPOutputStream gzip = new GZIPOutputStream(encrypted)) {
            for (ArchivedState s : states) {
                gzip.write(JSON.writeValueAsBytes(line(s)));
                gzip.write('\n');
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt " + name + ": " + e.getMessage(), e);
        }
        store.put(name, file.toByteArray());
        return name;
    }

    /**
     * The decrypted JSON lines of an archive file. The name must be the one it was written under.
     *
     * @throws IOException when the key is not the archive's, the file was renamed or altered
     */
    public static InputStream read(Path file, StreamingAead aead) throws IOException {
        return read(Files.newInputStream(file), file.getFileName().toString(), aead);
    }

    /** The decrypted JSON lines of the archive file {@code name} whose bytes {@code in} gives. */
    public static InputStream read(InputStream in, String name, StreamingAead aead) throws IOException {
        try {
            return new GZIPInputStream(aead.newDecryptingStream(in, associatedData(name)));
        } catch (GeneralSecurityException e) {
            in.close();
            throw new IOException("cannot decrypt " + name + ": " + e.getMessage(), e);
        }
    }

    /** The archive line: the wire names of the alerts (tier in lower case, ISO-8601 instants); absent = null. */
    static ObjectNode line(ArchivedState s) {
        ObjectNode o = JSON.createObjectNode().put("conversationId", s.conversationId());
        putIfPresent(o, "tier", s.tier() == null ? null : s.tier().wireName());
        putIfPresent(o, "openedAt", s.openedAt());
        putIfPresent(o, "deadline", s.deadline());
        putIfPresent(o, "repliedAt", s.repliedAt());
        putIfPresent(o, "policy", s.policy());
        putIfPresent(o, "team", s.team());
        o.set("signals", AlertJson.signalsNode(s.signals()));
        putIfPresent(o, "expiredAt", s.expiredAt());
        return o;
    }

    private static void putIfPresent(ObjectNode o, String field, Object value) {
        if (value != null) {
            o.put(field, value.toString());
        }
    }

    private static byte[] associatedData(String fileName) {
        return fileName.getBytes(StandardCharsets.UTF_8);
    }
}
