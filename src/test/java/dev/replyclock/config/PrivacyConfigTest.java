package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** privacy.archive.*: the archive of expired state is off until a directory is given. */
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
}
