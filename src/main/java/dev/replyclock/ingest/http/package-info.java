/**
 * The webhook intake, a listener apart from the ops endpoint: the native contract over HTTP, WhatsApp Cloud
 * API and Chatwoot webhooks, mapped to the message contract and produced to {@code support.messages}, the
 * customer's number pseudonymized before it leaves.
 */
package dev.replyclock.ingest.http;
