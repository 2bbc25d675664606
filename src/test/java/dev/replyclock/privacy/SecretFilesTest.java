package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void createsTheFileOwnerOnlyWithItsContentAndNothingElseInTheDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        assertTrue(SecretFiles.createIfAbsent(file, bytes("s3cret\n")));
        assertEquals("s3cret\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), filesIn(dir), "no temporary file left behind");
    }

    @Test
    void neverOverwritesAnExistingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "EXISTING");
        assertFalse(SecretFiles.createIfAbsent(file, bytes("new")));
        assertEquals("EXISTING", Files.readString(file));
        assertEquals(List.of(file), filesIn(dir), "no temporary file left behind");
    }

    @Test
    void aMissingDirectoryIsAnErrorNotCreated(@TempDir Path dir) {
        Path file = dir.resolve("missing/secret");
        assertThrows(IOException.class, () -> SecretFiles.createIfAbsent(file, bytes("x")));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void ofCreatorsRacingExactlyOneWinsAndTheFileHoldsItsContentWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        int creators = 8;
        byte[][] contents = new byte[creators][];
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            contents[i] = bytes(String.valueOf(i).repeat(64 * 1024));
            byte[] mine = contents[i];
            tasks.add(() -> SecretFiles.createIfAbsent(file, mine));
        }
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                won.add(f.get());
            }
            assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
            assertArrayEquals(contents[won.indexOf(true)], Files.readAllBytes(file));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(file), filesIn(dir), "no temporary file left behind");
    }

    @Test
    void aSecretFileOthersOrItsGroupCanReadIsTooOpenLikeSshSays(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(java.util.Optional.empty(), SecretFiles.looseness(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertEquals(java.util.Optional.empty(), SecretFiles.looseness(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals("permissions rw-r----- of " + file + " are too open: others than its owner can read the secret;"
                + " chmod 600 " + file, SecretFiles.looseness(file).orElseThrow());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertTrue(SecretFiles.looseness(file).isPresent());
    }

    @Test
    void groupReadOnAFileSomeoneElseOwnsIsHowKubernetesMountsSecretsAndIsNotWarnedAbout(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        java.nio.file.attribute.UserPrincipal other = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name").equals("root") ? "nobody" : "root");
        try {
            Files.setOwner(file, other); // as root, like the kubelet
        } catch (IOException notRoot) {
            return; // only root can give a file away; the rule is then out of reach of this test
        }
        assertEquals(java.util.Optional.empty(), SecretFiles.looseness(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(SecretFiles.looseness(file).isPresent(), "others still may not read it");
    }
}
