package dev.replyclock.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Archive files in an S3-compatible bucket. Each file is sent with its MD5 ({@code Content-MD5}, which
 * every S3 store checks on receipt) and its SHA-256 ({@code x-amz-checksum-sha256}, where the store knows
 * it), then read back by HEAD: the size must match, and the SHA-256 the store reports, or else its MD5 ETag;
 * a store that reports neither is read back whole and compared. Only then does {@link #put} return and the
 * caller delete the state. Timeouts are short: the upload runs on a stream thread, and a store that is down
 * must cost one failed tick, not the alerts of the others.
 */
public final class S3ArchiveStore implements ArchiveStore, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private final S3Target target;
    private final S3Client client;

    public S3ArchiveStore(S3Target target) {
        this(target, client(target));
    }

    S3ArchiveStore(S3Target target, S3Client client) {
        this.target = target;
        this.client = client;
    }

    /** The SDK client for a target: its endpoint, path style, region and credentials. */
    static S3Client client(S3Target target) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))
                // Checksums are set by hand below, as headers: the SDK's own would be sent as a trailer
                // in aws-chunked encoding, which not every S3-compatible store accepts.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(target.pathStyle())
                .region(region(target.region()))
                .credentialsProvider(credentials(target));
        if (target.endpoint() != null) {
            b.endpointOverride(target.endpoint());
        }
        return b.build();
    }

    private static Region region(String configured) {
        if (!configured.isBlank()) {
            return Region.of(configured);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException none) {
            return Region.US_EAST_1; // what MinIO and Ceph expect unless told otherwise
        }
    }

    private static AwsCredentialsProvider credentials(S3Target target) {
        if (target.credentialsFile() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(target.credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("default")
                .build();
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        String key = target.key(name);
        byte[] md5 = digest("MD5", content);
        byte[] sha256 = digest("SHA-256", content);
        try {
            client.putObject(r -> r.bucket(target.bucket()).key(key).contentLength((long) content.length)
                            .contentType("application/octet-stream")
                            .contentMD5(base64(md5)).checksumSHA256(base64(sha256)),
                    RequestBody.fromBytes(content));
            verify(key, content, md5, sha256);
        } catch (SdkException e) {
            throw new IOException("cannot store " + name + " in " + target + ": " + e.getMessage(), e);
        }
    }

    private void verify(String key, byte[] content, byte[] md5, byte[] sha256) throws IOException {
        HeadObjectResponse head = client.headObject(r -> r.bucket(target.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
        if (head.contentLength() == null || head.contentLength() != content.length) {
            throw new IOException(target + "/" + key + " holds " + head.contentLength() + " bytes after the upload, not "
                    + content.length);
        }
        if (head.checksumSHA256() != null) {
            requireEqual(key, "SHA-256", base64(sha256), head.checksumSHA256());
            return;
        }
        String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
        if (etag.matches("[0-9a-f]{32}")) {
            requireEqual(key, "MD5 (ETag)", HexFormat.of().formatHex(md5), etag);
            return;
        }
        // Neither checksum reported (encrypted at rest with KMS, a store of its own ways): read it back.
        byte[] back = client.getObjectAsBytes(r -> r.bucket(target.bucket()).key(key)).asByteArray();
        requireEqual(key, "SHA-256 (read back)", base64(sha256), base64(digest("SHA-256", back)));
    }

    private void requireEqual(String key, String what, String expected, String actual) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException(target + "/" + key + " is not what was sent: " + what + " " + actual + ", expected " + expected);
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        try {
            return client.getObject(r -> r.bucket(target.bucket()).key(target.key(name)));
        } catch (SdkException e) {
            throw new IOException("cannot read " + target.key(name) + " from " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return target + (target.endpoint() == null ? "" : " at " + target.endpoint());
    }

    @Override
    public void close() {
        client.close();
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
