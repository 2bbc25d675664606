package dev.replyclock.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.alert.AlertJson;
import com.google.crypto.tink.StreamingAead;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * associated data (a renamed file does not decrypt). A file is written under a hidden temporary name and
 * renamed when complete, so whoever collects {@code *.jsonl.gz.tink} never sees a half-written one.
 * Thread-safe: every stream thread writes its own files.
 */
public final class StateArchive {

    public static final String SUFFIX = ".jsonl.gz.tink";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final StreamingAead aead;
    private final Clock clock;

    public StateArchive(Path dir, StreamingAead aead, Clock clock) throws IOException {
        this.dir = dir;
        this.aead = aead;
        this.clock = clock;
        Files.createDirectories(dir);
    }

    /** Opens the archive of {@code privacy.archive.dir}, creating its keyset file if missing. */
    public static StateArchive open(Path dir, Path keysetFile, Clock clock) throws IOException {
        return new StateArchive(dir, ArchiveKeyset.loadOrCreate(keysetFile), clock);
    }

    /**
     * Writes one archive file holding {@code states}.
     *
     * @param task the stream task that expired them: two tasks never write the same file name
     * @return the file written
     */
    public Path write(List<ArchivedState> states, String task) throws IOException {
        String name = "replyclock-" + STAMP.format(clock.instant()) + "-" + task.replace('_', '-') + SUFFIX;
        Path target = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".tmp");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp));
             OutputStream encrypted = aead.newEncryptingStream(file, associatedData(name));
             GZIPOutputStream gzip = new GZIPOutputStream(encrypted)) {
            for (ArchivedState s : states) {
                gzip.write(JSON.writeValueAsBytes(line(s)));
                gzip.write('\n');
            }
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot encrypt " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The decrypted JSON lines of an archive file. The name must be the one it was written under.
     *
     * @throws IOException when the key is not the archive's, the file was renamed or altered
     */
    public static InputStream read(Path file, StreamingAead aead) throws IOException {
        try {
            return new GZIPInputStream(aead.newDecryptingStream(Files.newInputStream(file),
                    associatedData(file.getFileName().toString())));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt " + file + ": " + e.getMessage(), e);
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
