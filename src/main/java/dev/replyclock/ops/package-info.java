/**
 * Operations: Micrometer metrics, liveness and readiness, the ops HTTP endpoint (acks, silences, reload,
 * the TOTP-protected export) and broker health.
 */
package dev.replyclock.ops;
