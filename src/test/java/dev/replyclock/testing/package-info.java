/**
 * Fixtures the tests of every package share: an embedded broker per test class ({@link
 * dev.replyclock.testing.TestBroker}), an in-process daemon, a topology driver, recording HTTP and S3 servers,
 * captured logs and the payloads and records the ITs send. Test code only; the clock the tests move is
 * {@link dev.replyclock.model.MutableClock}.
 */
package dev.replyclock.testing;
