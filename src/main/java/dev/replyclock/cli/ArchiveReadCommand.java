package dev.replyclock.cli;

import com.google.crypto.tink.StreamingAead;
import dev.replyclock.privacy.ArchiveKeyset;
import dev.replyclock.privacy.StateArchive;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive-read", mixinStandardHelpOptions = true,
        description = {"Decrypts an archive of expired state (privacy.archive.dir) to stdout as JSON lines.",
                "The file must keep the name it was written under (the name is authenticated).",
                "Exits 0 when read, 1 when it cannot be decrypted (wrong keyset, renamed or altered file), 2 on bad usage."})
final class ArchiveReadCommand implements Callable<Integer> {

    @Option(names = "--keyset", required = true, paramLabel = "FILE", description = "the Tink keyset (privacy.archive.keyset-file)")
    Path keyset;

    @Parameters(paramLabel = "FILE", description = "an archive file (*.jsonl.gz.tink)")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println(file + ": no such archive file");
            return Main.EXIT_INVALID;
        }
        StreamingAead aead;
        try {
            aead = ArchiveKeyset.load(keyset); // never creates one: a fresh key reads nothing
        } catch (IOException e) {
            spec.commandLine().getErr().println("--keyset: " + e.getMessage());
            return Main.EXIT_INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Reader in = new InputStreamReader(StateArchive.read(file, aead), StandardCharsets.UTF_8)) {
            in.transferTo(out);
            out.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read " + file + ": wrong keyset, or the file was renamed or altered ("
                    + e.getMessage() + ")");
            return 1;
        }
    }
}
