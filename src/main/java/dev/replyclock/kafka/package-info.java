/**
 * The Kafka Streams topology (ingest, classify, the SLA processor with its persistent store and punctuator,
 * the team view), its serdes, the per-record isolation handler, topic set-up and the embedded KRaft broker.
 */
package dev.replyclock.kafka;
