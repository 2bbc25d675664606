/**
 * The commands ({@code run}, {@code demo}, {@code send}, {@code classify}, {@code report}, {@code bench},
 * {@code forget}, ...) and the daemon's wiring by hand: what starts, in which order, and what stops it.
 */
package dev.replyclock.cli;
