package dev.replyclock.privacy;

/**
 * The replay guard of {@link AdminTotp}: the TOTP time steps whose code was accepted. A step is accepted once,
 * and never one older than an accepted step (RFC 6238, section 5.2). With several instances the guard must be
 * shared ({@link SharedTotpSteps}), or a code seen on the wire could be replayed on another replica.
 */
public interface UsedTotpSteps {

    /**
     * Records {@code step} as used.
     *
     * @return false when this step or a newer one was used already
     * @throws Unavailable when it cannot be known (the export is then refused, never let through)
     */
    boolean claim(long step);

    /** The guard cannot tell whether a step was used. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One process's memory: enough for a single instance. */
    static UsedTotpSteps inMemory() {
        return new UsedTotpSteps() {
            private long newest = Long.MIN_VALUE;

            @Override
            public synchronized boolean claim(long step) {
                if (step <= newest) {
                    return false;
                }
                newest = step;
                return true;
            }
        };
    }
}
