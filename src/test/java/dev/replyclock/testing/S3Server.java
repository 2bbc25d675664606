package dev.replyclock.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server in-process: S3Proxy (Maven Central) over a directory, with AWS signature v2/v4
 * authentication, on a fixed free local port so that it can be stopped (the store is down) and started
 * again at the same address with the same objects.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "replyclock-test";
    public static final String SECRET_KEY = "test-secret-key-for-the-in-process-s3";

    private final Path data;
    private final int port;
    private S3Proxy proxy;

    private S3Server(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a server keeping its objects under {@code data}. */
    public static S3Server start(Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        S3Server server = new S3Server(data, port);
        server.start();
        return server;
    }

    /** Starts it (again). */
    public void start() throws Exception {
        Files.createDirectories(data);
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(data.toString()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        proxy.start();
    }

    /** Stops it: the store is down, connections are refused. */
    public void stop() throws Exception {
        proxy.stop();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** An AWS credentials file with this server's keys, as an operator would mount one. */
    public Path credentialsFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("s3-credentials"), "[default]\naws_access_key_id = " + ACCESS_KEY
                + "\naws_secret_access_key = " + SECRET_KEY + "\n", StandardCharsets.UTF_8);
    }

    /** A client of this server, for the test's own checks. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    public void createBucket(String bucket) {
        try (S3Client c = client()) {
            c.createBucket(b -> b.bucket(bucket));
        }
    }

    /** The keys of the objects in {@code bucket}. */
    public List<String> keys(String bucket) {
        try (S3Client c = client()) {
            return c.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
