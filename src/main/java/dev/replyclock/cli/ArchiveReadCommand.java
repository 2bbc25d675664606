package dev.replyclock.cli;

import com.google.crypto.tink.StreamingAead;
import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.privacy.ArchiveKeyset;
import dev.replyclock.privacy.S3ArchiveStore;
import dev.replyclock.privacy.S3Target;
import dev.replyclock.privacy.StateArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive-read", mixinStandardHelpOptions = true,
        description = {"Decrypts an archive of expired state (privacy.archive.target) to stdout as JSON lines.",
                "ARCHIVE is a file, or s3://bucket/prefix/NAME read with the connection settings of the config's",
                "privacy.archive.s3.* keys (--config), else the AWS SDK's defaults (AWS_ENDPOINT_URL, AWS_REGION, ...).",
                "The file must keep the name it was written under (the name is authenticated).",
                "Exits 0 when read, 1 when it cannot be fetched or decrypted (wrong keyset, renamed or altered file),",
                "2 on bad usage."})
final class ArchiveReadCommand implements Callable<Integer> {

    @Option(names = "--keyset", required = true, paramLabel = "FILE", description = "the Tink keyset (privacy.archive.keyset-file)")
    Path keyset;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the daemon's config file, for the privacy.archive.s3.* settings of an s3:// archive")
    Path config;

    @Parameters(paramLabel = "ARCHIVE", description = "an archive file (*.jsonl.gz.tink) or s3://bucket/prefix/NAME")
    String archive;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean s3 = archive.startsWith(S3Target.SCHEME);
        Optional<S3Target> object = s3 ? S3Target.parse(archive).filter(t -> !t.prefix().isEmpty()) : Optional.empty();
        if (s3 && object.isEmpty()) {
            err.println(archive + ": use s3://bucket/prefix/NAME" + StateArchive.SUFFIX);
            return Main.EXIT_INVALID;
        }
        if (!s3 && !Files.isRegularFile(Path.of(archive))) {
            err.println(archive + ": no such archive file");
            return Main.EXIT_INVALID;
        }
        S3Target settings = null;
        if (s3 && config != null) {
            try {
                settings = ConfigLoader.load(config, System.getenv()).privacy().archiveS3();
            } catch (ConfigException e) {
                return RunCommand.reportInvalid(spec, config.toString(), e);
            }
        }
        StreamingAead aead;
        try {
            aead = ArchiveKeyset.load(keyset); // never creates one: a fresh key reads nothing
        } catch (IOException e) {
            err.println("--keyset: " + e.getMessage());
            return Main.EXIT_INVALID;
        }
        if (!s3) {
            return decrypt(Files.newInputStream(Path.of(archive)), Path.of(archive).getFileName().toString(), aead);
        }
        String key = object.get().prefix();
        String name = key.substring(key.lastIndexOf('/') + 1);
        String prefix = key.substring(0, Math.max(0, key.lastIndexOf('/')));
        S3Target where = new S3Target(object.get().bucket(), prefix, null, "", false, null);
        if (settings != null) {
            where = where.with(settings.endpoint(), settings.region(), settings.pathStyle(), settings.credentialsFile());
        }
        try (S3ArchiveStore store = new S3ArchiveStore(where)) {
            InputStream in;
            try {
                in = store.open(name);
            } catch (IOException e) {
                err.println(e.getMessage());
                return 1;
            }
            return decrypt(in, name, aead);
        }
    }

    private int decrypt(InputStream file, String name, StreamingAead aead) {
        PrintWriter out = spec.commandLine().getOut();
        try (Reader in = new InputStreamReader(StateArchive.read(file, name, aead), StandardCharsets.UTF_8)) {
            in.transferTo(out);
            out.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read " + archive + ": wrong keyset, or the file was renamed or altered ("
                    + e.getMessage() + ")");
            return 1;
        }
    }
}
