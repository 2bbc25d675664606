/**
 * Personal data: pseudonyms for customer identifiers, redaction of excerpts, secret files, erasure requests
 * and the encrypted archive of expired state.
 */
package dev.replyclock.privacy;
