package dev.replyclock.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.replyclock.privacy.S3Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code privacy.*}: retention, pseudonyms, the phone region and the archive of expired state. */
final class PrivacySection {

    private PrivacySection() {
    }

    /**
     * The archive is off while {@code privacy.archive.target} is empty; {@code privacy.archive.dir}, its
     * older name, still names a local directory.
     */
    static PrivacySettings read(ConfigValues v) {
        Duration retention = v.duration("privacy.retention");
        String region = v.text("privacy.default-region");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            v.problem("privacy.default-region", region,
                    "use an ISO 3166 region code for numbers written without +country, like FR, BE, CH, CA, GB");
        }
        String targetKey = v.text("privacy.archive.target").isBlank() ? "privacy.archive.dir" : "privacy.archive.target";
        String target = v.text(targetKey);
        if (!v.text("privacy.archive.target").isBlank() && !v.text("privacy.archive.dir").isBlank()) {
            v.problem("privacy.archive.dir", v.text("privacy.archive.dir"),
                    "privacy.archive.target is set too; keep only privacy.archive.target (a directory or s3://bucket/prefix)");
        }
        S3Target s3 = target.startsWith(S3Target.SCHEME) ? s3Target(v, targetKey, target) : null;
        Path dir = target.isBlank() || target.startsWith(S3Target.SCHEME) ? null : Path.of(target);
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            v.problem(targetKey, target, "this is a file; use a directory (created if missing),"
                    + " s3://bucket/prefix, or leave the key empty to turn archiving off");
        }
        String keyset = v.text("privacy.archive.keyset-file");
        if (!target.isBlank() && keyset.isBlank()) {
            v.problem("privacy.archive.keyset-file", keyset,
                    "archiving needs a keyset file (a Tink keyset in JSON, created if missing), like /run/secrets/archive-keyset.json");
        }
        if (!keyset.isBlank() && Files.isDirectory(Path.of(keyset))) {
            v.problem("privacy.archive.keyset-file", keyset,
                    "this is a directory; use the path of a keyset file (created if missing)");
        }
        SecretFileCheck.pseudonymKey("privacy.pseudonym-key-file", v.text("privacy.pseudonym-key-file"), v.problems());
        return new PrivacySettings(retention, Path.of(v.text("privacy.pseudonym-key-file")), region,
                dir, keyset.isBlank() ? null : Path.of(keyset), s3,
                v.between("privacy.erasure-bound", Duration.ofHours(1), Duration.ofDays(365), "an erased or expired"
                        + " value is physically gone from the daemon's compacted and internal topics within it"));
    }

    /** {@code s3://bucket/prefix} with the {@code privacy.archive.s3.*} connection keys. */
    private static S3Target s3Target(ConfigValues v, String key, String url) {
        Optional<S3Target> parsed = S3Target.parse(url);
        if (parsed.isEmpty()) {
            v.problem(key, url, "use s3://bucket/prefix with a valid bucket name"
                    + " (3 to 63 lower-case letters, digits, '.' and '-'), or a local directory");
            return null;
        }
        String endpointText = v.text("privacy.archive.s3.endpoint");
        URI endpoint = null;
        if (!endpointText.isBlank()) {
            try {
                endpoint = new URI(endpointText);
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                    || endpoint.getHost() == null) {
                v.problem("privacy.archive.s3.endpoint", endpointText,
                        "use the store's URL, like https://minio.internal:9000, or leave it empty for AWS");
                endpoint = null;
            }
        }
        String pathStyle = v.text("privacy.archive.s3.path-style");
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            v.problem("privacy.archive.s3.path-style", pathStyle,
                    "use true (most self-hosted stores: MinIO, Ceph) or false (AWS)");
        }
        String credentials = v.text("privacy.archive.s3.credentials-file");
        if (!credentials.isBlank() && !Files.isReadable(Path.of(credentials))) {
            v.problem("privacy.archive.s3.credentials-file", credentials,
                    "the file cannot be read; use an AWS credentials file ([default] aws_access_key_id,"
                            + " aws_secret_access_key), or leave it empty for the SDK's default chain");
        }
        return parsed.get().with(endpoint, v.text("privacy.archive.s3.region"), pathStyle.equals("true"),
                credentials.isBlank() ? null : Path.of(credentials));
    }
}
