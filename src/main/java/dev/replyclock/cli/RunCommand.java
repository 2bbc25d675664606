package dev.replyclock.cli;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ConfigProblem;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.ops.LogFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the daemon until stopped (SIGTERM or Ctrl-C).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/replyclock.yaml",
            description = "the config file (default: ${DEFAULT-VALUE})")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ReplyclockConfig cfg;
        try {
            cfg = ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            return reportInvalid(spec, config.toString(), e);
        }
        return runUntilStopped(spec, cfg, config, Clock.systemUTC(), null, false);
    }

    /**
     * SIGTERM and SIGINT: stop intake, flush, commit and close everything within a bounded time, then exit 0
     * (the JVM's default would be 143). A second signal, or a close that takes longer than
     * {@link #STOP_BUDGET}, halts at once.
     */
    @SuppressWarnings("restriction")
    private static void onStopSignals(Daemon daemon, CountDownLatch stopped) {
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        sun.misc.SignalHandler handler = sig -> {
            if (!stopping.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(1); // the operator insists
            }
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(STOP_BUDGET.toMillis());
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "replyclock-stop-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            new Thread(() -> {
                daemon.close();
                stopped.countDown();
            }, "replyclock-stop").start();
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // not on this platform: the shutdown hook still closes everything
            }
        }
    }

    /** The longest a graceful stop may take before the process halts. */
    static final java.time.Duration STOP_BUDGET = java.time.Duration.ofSeconds(45);

    /** SIGHUP re-reads the config, as operators of Alertmanager and Prometheus expect. */
    @SuppressWarnings("restriction")
    private static void onSighup(Daemon daemon) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> daemon.reload());
        } catch (IllegalArgumentException e) {
            // no SIGHUP on this platform: POST /-/reload remains
        }
    }

    static int reportInvalid(CommandLine.Model.CommandSpec spec, String source, ConfigException e) {
        spec.commandLine().getErr().println("replyclock cannot start: the configuration " + source + " is invalid");
        for (ConfigProblem p : e.problems()) {
            spec.commandLine().getErr().println("  " + p);
        }
        return Main.EXIT_INVALID;
    }

    /**
     * Starts the daemon, runs {@code script} (may be null), then waits for a stop signal, or stops at once
     * when {@code stopAfterScript}. The shutdown hook closes the daemon, so SIGTERM ends with everything
     * committed and closed, exit 0.
     */
    static int runUntilStopped(CommandLine.Model.CommandSpec spec, ReplyclockConfig cfg, Path configFile, Clock clock,
                               Consumer<Daemon> script, boolean stopAfterScript) throws InterruptedException {
        LogFormat.apply(cfg.logFormat());
        Daemon daemon;
        try {
            daemon = Daemon.start(cfg, configFile, clock, System.out);
        } catch (ConfigException e) {
            return reportInvalid(spec, "", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "replyclock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (configFile != null) {
            onSighup(daemon);
        }
        onStopSignals(daemon, stopped);
        spec.commandLine().getOut().println("replyclock is running. Kafka: " + daemon.bootstrapServers()
                + "  metrics: " + daemon.httpBaseUrl() + "/metrics  ready: " + daemon.httpBaseUrl()
                + "/health/ready" + (daemon.intakeBaseUrl() == null ? "" : "  intake: " + daemon.intakeBaseUrl()
                + "/ingest/") + "  (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        if (script != null) {
            script.accept(daemon);
        }
        if (stopAfterScript) {
            Runtime.getRuntime().removeShutdownHook(hook);
            daemon.close();
            return 0;
        }
        stopped.await();
        return 0;
    }
}
