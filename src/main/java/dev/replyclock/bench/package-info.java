/**
 * The harness of {@code replyclock bench} ({@link dev.replyclock.bench.BenchCommand}): reproducible traffic, the
 * Kafka ceiling and pass-through beside replyclock's pipeline, signal and delivery latency probes, the burst
 * phase and the restore/failover runs, on an embedded broker or a real cluster. Nothing else depends on it but
 * {@code cli.Main}, which lists the command.
 */
package dev.replyclock.bench;
