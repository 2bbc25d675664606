package dev.replyclock.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret files (the pseudonym key, the archive keyset, the admin's TOTP secret): created owner-only (0600)
 * from the start, so the secret is never readable by others even briefly, and never overwritten. The content
 * is written to an owner-only temporary file next to it and then hard-linked into place, so the file appears
 * whole or not at all: two instances starting together both read the one that won, never a half-written one.
 * The JDK has no "create with this content unless it exists" in one step, hence this small helper.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);
    private static final String OWNER_ONLY = "rw-------";

    private SecretFiles() {
    }

    /**
     * Creates {@code file} holding {@code content}, owner-only, unless it exists already. Its directory must
     * exist (the caller decides whether to create it).
     *
     * @return true when this call created it, false when it existed (it is then left as it was)
     */
    public static boolean createIfAbsent(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = ownerOnlyTempFile(dir, file.getFileName().toString());
        try {
            Files.write(tmp, content);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                // A file system without hard links (FAT, some network mounts): a rename fails when the file
                // exists too, but the check and the rename are not one step there.
                Files.move(tmp, file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Why a secret file is too open, like ssh says of a private key: readable or writable by others, or by
     * its group. One exception: group read on a file someone else owns, which is how Kubernetes hands a
     * Secret volume to a non-root pod (root-owned, mode 0440, group fsGroup). Empty when it is owner-only,
     * or the file system has no POSIX permissions to tell.
     */
    public static Optional<String> looseness(Path file) {
        Set<PosixFilePermission> perms;
        String owner;
        try {
            perms = Files.getPosixFilePermissions(file);
            owner = Files.getOwner(file).getName();
        } catch (UnsupportedOperationException | IOException unknown) {
            return Optional.empty();
        }
        boolean provisioned = !owner.equals(System.getProperty("user.name"));
        boolean open = perms.stream().anyMatch(p -> p.name().startsWith("OTHERS_")
                || p.name().startsWith("GROUP_") && !(provisioned && p == PosixFilePermission.GROUP_READ));
        return open ? Optional.of("permissions " + PosixFilePermissions.toString(perms) + " of " + file
                + " are too open: others than its owner can read the secret; chmod 600 " + file) : Optional.empty();
    }

    /** Logs {@link #looseness} at WARN, naming the config key; start-up goes on (a warning, as ssh's). */
    public static void warnIfReadableByOthers(Path file, String key) {
        looseness(file).ifPresent(why -> log.warn("{}: {}", key, why));
    }

    private static Path ownerOnlyTempFile(Path dir, String name) throws IOException {
        FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY));
        try {
            return Files.createTempFile(dir, "." + name + ".", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, "." + name + ".", ".tmp"); // rely on the directory's permissions
        }
    }
}
