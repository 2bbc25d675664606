/**
 * Loading {@code replyclock.yaml} (and {@code REPLYCLOCK_*} variables) into typed settings; every problem is
 * reported with its key, its value and the fix, and stops start-up.
 */
package dev.replyclock.config;
