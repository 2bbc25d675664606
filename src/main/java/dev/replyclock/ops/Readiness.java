package dev.replyclock.ops;

/** Whether the daemon can do its job now, with a one-line reason for operators. */
public record Readiness(boolean ready, String describe) {
}
