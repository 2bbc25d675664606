package dev.replyclock.sla;

/** How far a running clock has gone: nothing yet, warned, or breached (then escalated level by level). */
public enum Stage {
    RUNNING,
    WARNED,
    BREACHED
}
