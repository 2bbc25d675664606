package dev.replyclock.cli;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ConfigProblem;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.config.StartupFailure;
import dev.replyclock.ops.DeadExitWatchdog;
import dev.replyclock.ops.Liveness;
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
            haltAfter(STOP_BUDGET);
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

    /** One line per problem, each whole on its own (a log collector keeps lines apart), then exit 2. */
    static int reportInvalid(CommandLine.Model.CommandSpec spec, String source, ConfigException e) {
        for (ConfigProblem p : e.problems()) {
            spec.commandLine().getErr().println("replyclock cannot start: " + (source.isEmpty() ? "" : source + ": ") + p);
        }
        spec.commandLine().getErr().flush();
        return Main.EXIT_INVALID;
    }

    /** One line on stderr, exit 2: what an operator reads in {@code journalctl} or {@code kubectl logs}. */
    static int cannotStart(CommandLine.Model.CommandSpec spec, String what) {
        spec.commandLine().getErr().println("replyclock cannot start: " + what);
        spec.commandLine().getErr().flush();
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
        } catch (StartupFailure e) {
            return cannotStart(spec, e.problem().toString());
        } catch (RuntimeException e) {
            // Anything else at start (a port taken, a broker that never answers): one line, no stack trace.
            return cannotStart(spec, e.getClass().getSimpleName() + ": " + StartupFailure.what(e));
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
        // Wall time: the demo's clock runs faster, the grace period is about the machine, not the SLA.
        int code = awaitStopOrDeath(daemon, cfg.health().deadExitAfter(), Clock.systemUTC(), stopped,
                spec.commandLine().getErr());
        if (code == Main.EXIT_DEAD) {
            haltAfter(STOP_BUDGET);
            daemon.close();
        }
        return code;
    }

    /**
     * Waits for a stop signal ({@code stopped}, returns 0), or for the daemon to stay not live for
     * {@code deadExitAfter}: then returns {@link Main#EXIT_DEAD}, for the process to exit with it once the daemon
     * is closed, so that a plain {@code Restart=on-failure} or a container restart policy brings a fresh one.
     */
    static int awaitStopOrDeath(Daemon daemon, java.time.Duration deadExitAfter, Clock clock, CountDownLatch stopped,
                                java.io.PrintWriter err) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Liveness> died = new java.util.concurrent.atomic.AtomicReference<>();
        try (DeadExitWatchdog watchdog = new DeadExitWatchdog(daemon::liveness, clock, deadExitAfter, dead -> {
            died.set(dead);
            stopped.countDown();
        }).start(java.time.Duration.ofSeconds(1))) {
            stopped.await();
        }
        Liveness dead = died.get();
        if (dead == null) {
            return 0;
        }
        err.println("replyclock stopped working (" + dead.reason() + ") and exits with code " + Main.EXIT_DEAD
                + " to be restarted");
        err.flush();
        return Main.EXIT_DEAD;
    }

    /** Halts the JVM if it is still running after {@code budget}: a close must not hang the exit. */
    private static void haltAfter(java.time.Duration budget) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "replyclock-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
