package dev.replyclock.privacy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3-compatible place for the archive ({@code privacy.archive.target: s3://bucket/prefix} and the
 * {@code privacy.archive.s3.*} keys): AWS, MinIO, Ceph RGW or any store that speaks the S3 API.
 *
 * @param bucket          the bucket, which must exist
 * @param prefix          the key prefix without leading or trailing slash; empty = the bucket's top
 * @param endpoint        the store's URL (MinIO, Ceph, another provider); null = AWS for the region
 * @param region          the signing region; empty = the SDK's region chain, else us-east-1
 * @param pathStyle       bucket in the path ({@code http://host/bucket/key}) instead of the host name: most
 *                        self-hosted stores need it
 * @param credentialsFile an AWS credentials file (profile {@code default}); null = the SDK's default chain
 *                        (environment, system properties, ~/.aws, container and instance roles)
 */
public record S3Target(String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
                       Path credentialsFile) {

    public static final String SCHEME = "s3://";
    /** S3's bucket naming rules (3-63 lower-case letters, digits, dots, hyphens), then an optional prefix. */
    private static final Pattern URL = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?");

    /** The bucket and prefix of {@code s3://bucket/prefix}, or empty when the text is not such a URL. */
    public static Optional<S3Target> parse(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(2) == null ? "" : m.group(2).replaceAll("^/+|/+$", "");
        return Optional.of(new S3Target(m.group(1), prefix, null, "", false, null));
    }

    /** The same place with the connection settings of {@code privacy.archive.s3.*}. */
    public S3Target with(URI endpoint, String region, boolean pathStyle, Path credentialsFile) {
        return new S3Target(bucket, prefix, endpoint, region, pathStyle, credentialsFile);
    }

    /** The object key of an archive file. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** {@code s3://bucket/prefix}: no endpoint credentials, so it can be logged. */
    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
