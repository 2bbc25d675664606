package dev.replyclock.cli;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ConfigProblem;
import dev.replyclock.config.ReplyclockConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validates a config file (and the rules file it names), with environment overrides.",
                "Exits 0 when valid; otherwise prints one line per problem (key, value, fix) and exits 2."})
final class CheckConfigCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "config/replyclock.yaml",
            description = "the config file (default: ${DEFAULT-VALUE})")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            ReplyclockConfig config = ConfigLoader.load(file, System.getenv());
            Daemon.classifier(config);
            spec.commandLine().getOut().println(file + ": valid");
            return 0;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                spec.commandLine().getErr().println(file + ": " + p);
            }
            return Main.EXIT_INVALID;
        }
    }
}
