/**
 * Tiers and signals: folding, tokens, the signal rules of {@code config/signals.yaml} (terms, near and frame
 * families, scope and hypotheticals) and the real-word guard of the typo tolerance. Plain Java: no Kafka, no
 * I/O but the packaged word lists, so that it can be unit-tested, replayed and benchmarked on its own.
 */
package dev.replyclock.classify;
