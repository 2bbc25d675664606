package dev.replyclock.model;

/**
 * One signal that counted: which family matched, in which tier, the normalized form that matched,
 * and its span [start, end) in the original text (UTF-16 indices), so an agent sees why.
 */
public record Signal(String family, Tier tier, String matched, int start, int end) {
}
