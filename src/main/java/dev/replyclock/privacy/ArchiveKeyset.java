package dev.replyclock.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive key ({@code privacy.archive.keyset-file}): a Tink keyset in JSON holding one
 * AES256_GCM_HKDF_4KB streaming-AEAD key. Generated on first start, owner-only (0600), like the pseudonym
 * key; the storage server needs a copy to read the archives, and without it they cannot be read at all.
 */
public final class ArchiveKeyset {

    private static final Logger log = LoggerFactory.getLogger(ArchiveKeyset.class);

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ArchiveKeyset() {
    }

    /** Reads the keyset, creating it first if the file does not exist. */
    public static StreamingAead loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /** Reads an existing keyset; a missing or unreadable file is an IOException naming it. */
    public static StreamingAead load(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        }
        SecretFiles.warnIfReadableByOthers(file, "privacy.archive.keyset-file");
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + " is not a Tink streaming-AEAD keyset in JSON (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A warning when the keyset sits with the data it protects: inside, or in the same directory as, the
     * Kafka state, the embedded broker's data or a local archive. Whoever copies that disk (a backup, a
     * stolen volume) then has the archives and their key together.
     *
     * @param dataDirs the data directories; null entries are skipped
     * @return the warning, or empty when the keyset is kept apart
     */
    public static Optional<String> placementWarning(Path keyset, Path... dataDirs) {
        Path key = keyset.toAbsolutePath().normalize();
        for (Path dir : dataDirs) {
            if (dir == null) {
                continue;
            }
            Path data = dir.toAbsolutePath().normalize();
            if (key.startsWith(data) || key.getParent().equals(data.getParent())) {
                return Optional.of("privacy.archive.keyset-file " + key + " sits with the data in " + data
                        + ": whoever copies that disk can read the archives; keep the keyset on a separate mount"
                        + " (a Kubernetes Secret, a vault agent's file) and a copy in a secret store");
            }
        }
        return Optional.empty();
    }

    private static void create(Path file) throws IOException {
        String json;
        try {
            json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate an archive keyset: " + e.getMessage(), e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!SecretFiles.createIfAbsent(file, json.getBytes(StandardCharsets.UTF_8))) {
            return; // another instance created it first
        }
        log.info("generated a new archive keyset in {} (owner-only); the storage server needs a copy to read the archives",
                file.toAbsolutePath());
    }
}
