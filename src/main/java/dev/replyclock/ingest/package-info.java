/**
 * The message contract of {@code support.messages}: decoding, validation and its bounds, the reasons a record
 * is dead-lettered.
 */
package dev.replyclock.ingest;
