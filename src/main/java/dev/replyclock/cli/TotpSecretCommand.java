package dev.replyclock.cli;

import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "totp-secret", mixinStandardHelpOptions = true,
        description = {"Generates the admin's TOTP secret for GET /api/export (http.admin-totp-file): a new file,",
                "owner-only (0600), holding 160 random bits in base32; prints the otpauth:// URI to enrol the",
                "admin's authenticator app (paste it, or turn it into a QR code). An existing file is never",
                "overwritten (that would lock the enrolled app out): delete it first to rotate the secret."})
final class TotpSecretCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, paramLabel = "F", description = "where to write the secret")
    Path file;

    @Option(names = "--issuer", defaultValue = "replyclock", description = "shown by the app (default: ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--account", defaultValue = "admin", description = "shown by the app (default: ${DEFAULT-VALUE})")
    String account;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String secret = AdminTotp.newSecret();
        try {
            // Owner-only from the start, so the secret is never readable by others, even briefly.
            if (!SecretFiles.createIfAbsent(file, (secret + "\n").getBytes(StandardCharsets.US_ASCII))) {
                spec.commandLine().getErr().println(file + " exists already; delete it first to make a new secret"
                        + " (the enrolled app then needs the new one)");
                return Main.EXIT_INVALID;
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println(AdminTotp.enrolmentUri(issuer, account, secret));
        spec.commandLine().getErr().println("wrote " + file + " (owner-only); set http.admin-totp-file: " + file);
        return 0;
    }
}
