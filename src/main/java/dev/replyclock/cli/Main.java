package dev.replyclock.cli;

import dev.replyclock.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar replyclock.jar <command>}: the one entry point. */
@Command(name = "replyclock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Response-time alerting for support teams (the 15-5-1 rule) on Apache Kafka.",
        subcommands = {RunCommand.class, DemoCommand.class, SendCommand.class, ClassifyCommand.class, BenchCommand.class, ReportCommand.class,
                ForgetCommand.class, ArchiveReadCommand.class, TotpSecretCommand.class,
                CheckConfigCommand.class, TrainComplaintsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a configuration or input that cannot be used (as picocli uses 2 for bad usage). */
    public static final int EXIT_INVALID = 2;

    /** Exit code of a daemon that stopped working ({@code /health/live} failed for {@code health.dead-exit-after}). */
    public static final int EXIT_DEAD = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
