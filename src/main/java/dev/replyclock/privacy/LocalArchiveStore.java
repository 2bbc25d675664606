package dev.replyclock.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Archive files in a local directory (or a mounted share). A file is written under a hidden temporary name
 * and renamed when complete, so whoever collects {@code *.jsonl.gz.tink} never takes a half-written one.
 */
public final class LocalArchiveStore implements ArchiveStore {

    private final Path dir;

    public LocalArchiveStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        Path temp = dir.resolve("." + name + ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(dir.resolve(name));
    }

    @Override
    public String describe() {
        return dir.toAbsolutePath().toString();
    }
}
