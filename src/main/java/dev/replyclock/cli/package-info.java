/**
 * The commands ({@code run}, {@code demo}, {@code send}, {@code classify}, {@code report},
 * {@code forget}, ...) and the daemon's wiring by hand: what starts, in which order, and what stops it. The
 * {@code bench} command and its harness live apart, in {@link dev.replyclock.bench}.
 */
package dev.replyclock.cli;
