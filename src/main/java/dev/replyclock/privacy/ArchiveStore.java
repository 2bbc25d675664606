package dev.replyclock.privacy;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where archive files go: a local directory ({@link LocalArchiveStore}) or an S3-compatible bucket
 * ({@link S3ArchiveStore}). A file is stored whole and checked before {@link #put} returns, because the
 * caller deletes the state it holds right after.
 */
public interface ArchiveStore {

    /**
     * Stores one complete archive file under {@code name}.
     *
     * @throws IOException when it is not stored, or not stored intact: the caller keeps the state and retries
     */
    void put(String name, byte[] content) throws IOException;

    /** Reads back the archive file called {@code name}. */
    InputStream open(String name) throws IOException;

    /** Where the files go, for the log: a directory or {@code s3://bucket/prefix}, never a credential. */
    String describe();
}
