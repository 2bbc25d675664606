package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.privacy.ArchiveKeyset;
import dev.replyclock.privacy.S3Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** privacy.archive.*: the archive of expired state is off until a target (a directory or s3://) is given. */
class PrivacyConfigTest {

    @Test
    void archiveIsOffByDefaultWithADefaultKeysetPath() throws Exception {
        PrivacySettings p = ConfigLoader.builtIn(Map.of()).privacy();
        assertFalse(p.archiving());
        assertNull(p.archiveDir());
        assertEquals(Path.of("data/archive-keyset.json"), p.archiveKeysetFile());
    }

    @Test
    void anArchiveDirectoryTurnsItOn(@TempDir Path dir) throws Exception {
        PrivacySettings p = ConfigLoader.parse("privacy.archive.dir: " + dir.resolve("archive") + "\n"
                + "privacy.archive.keyset-file: " + dir.resolve("keyset.json") + "\n", "test", Map.of(), Map.of()).privacy();
        assertTrue(p.archiving());
        assertEquals(dir.resolve("archive"), p.archiveDir());
        assertEquals(dir.resolve("keyset.json"), p.archiveKeysetFile());
    }

    @Test
    void theArchiveCanBeTurnedOnFromTheEnvironment(@TempDir Path dir) throws Exception {
        PrivacySettings p = ConfigLoader.parse("", "test",
                Map.of("REPLYCLOCK_PRIVACY_ARCHIVE_DIR", dir.toString()), Map.of()).privacy();
        assertEquals(dir, p.archiveDir());
    }

    @Test
    void anArchiveDirectoryThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("privacy.archive.dir: " + file + "\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("privacy.archive.dir = '" + file + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("use a directory"), e.getMessage());
    }

    @Test
    void archivingWithoutAKeysetFileIsRefused(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "privacy.archive.dir: " + dir + "\nprivacy.archive.keyset-file: ''\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("privacy.archive.keyset-file"), e.getMessage());
        assertTrue(e.getMessage().contains("needs a keyset file"), e.getMessage());
    }

    @Test
    void aKeysetPathThatIsADirectoryIsRefused(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "privacy.archive.dir: " + dir.resolve("a") + "\nprivacy.archive.keyset-file: " + dir + "\n", "test",
                Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("privacy.archive.keyset-file = '" + dir + "'"), e.getMessage());
    }

    @Test
    void anS3TargetTakesItsBucketPrefixAndConnectionKeys(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("creds"), "[default]\n");
        PrivacySettings p = ConfigLoader.parse("privacy.archive.target: s3://replyclock-archive/eu/prod/\n"
                + "privacy.archive.s3.endpoint: https://minio.internal:9000\n"
                + "privacy.archive.s3.region: eu-west-3\n"
                + "privacy.archive.s3.path-style: true\n"
                + "privacy.archive.s3.credentials-file: " + credentials + "\n", "test", Map.of(), Map.of()).privacy();
        assertTrue(p.archiving());
        assertNull(p.archiveDir(), "not a local directory");
        S3Target s3 = p.archiveS3();
        assertEquals("replyclock-archive", s3.bucket());
        assertEquals("eu/prod", s3.prefix());
        assertEquals("eu/prod/a.jsonl.gz.tink", s3.key("a.jsonl.gz.tink"));
        assertEquals(URI.create("https://minio.internal:9000"), s3.endpoint());
        assertEquals("eu-west-3", s3.region());
        assertTrue(s3.pathStyle());
        assertEquals(credentials, s3.credentialsFile());
    }

    @Test
    void aLocalTargetIsADirectory(@TempDir Path dir) throws Exception {
        PrivacySettings p = ConfigLoader.parse("privacy.archive.target: " + dir.resolve("archive") + "\n", "test",
                Map.of(), Map.of()).privacy();
        assertEquals(dir.resolve("archive"), p.archiveDir());
        assertNull(p.archiveS3());
    }

    @Test
    void badS3SettingsAreRefusedNamingKeyValueAndFix(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "privacy.archive.target: s3://Bad_Bucket/x\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("privacy.archive.target = 's3://Bad_Bucket/x': use s3://bucket/prefix"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("privacy.archive.target: s3://archive\n"
                + "privacy.archive.s3.endpoint: minio:9000\nprivacy.archive.s3.path-style: maybe\n"
                + "privacy.archive.s3.credentials-file: " + dir.resolve("missing") + "\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("privacy.archive.s3.endpoint = 'minio:9000': use the store's URL"), e.getMessage());
        assertTrue(e.getMessage().contains("privacy.archive.s3.path-style = 'maybe'"), e.getMessage());
        assertTrue(e.getMessage().contains("privacy.archive.s3.credentials-file"), e.getMessage());
    }

    @Test
    void theTargetAndItsOlderNameAreNotBothSet(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("privacy.archive.target: "
                + dir.resolve("a") + "\nprivacy.archive.dir: " + dir.resolve("b") + "\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("keep only privacy.archive.target"), e.getMessage());
    }

    @Test
    void aKeysetBesideTheStateIsWarnedAboutOneOnItsOwnMountIsNot(@TempDir Path dir) {
        Path state = dir.resolve("data/streams");
        assertTrue(ArchiveKeyset.placementWarning(dir.resolve("data/archive-keyset.json"), state, null).isPresent(),
                "the default layout: data/archive-keyset.json beside data/streams");
        assertTrue(ArchiveKeyset.placementWarning(state.resolve("k.json"), state).orElseThrow()
                .contains("keep the keyset on a separate mount"));
        assertTrue(ArchiveKeyset.placementWarning(dir.resolve("archive/k.json"), state, dir.resolve("archive")).isPresent(),
                "nor beside the archives it opens");
        assertFalse(ArchiveKeyset.placementWarning(dir.resolve("secrets/archive/k.json"), state, dir.resolve("archive")).isPresent());
    }
}
