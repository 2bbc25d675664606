/**
 * The data every other package shares, at the bottom of the layers: a customer or staff
 * {@link dev.replyclock.model.SupportMessage} and its {@link dev.replyclock.model.Direction}, the
 * {@link dev.replyclock.model.Tier} and {@link dev.replyclock.model.Signal} a message is classified into, the
 * {@link dev.replyclock.model.Alert} (about one conversation, {@link dev.replyclock.model.ConversationAlert},
 * or about a team, {@link dev.replyclock.model.TeamAlert}) with its {@link dev.replyclock.model.AlertKind} and
 * JSON form, the duration syntax of the configuration; and two small tools for every layer: the nearest-rank
 * {@link dev.replyclock.model.Percentiles} that {@code report} and {@code bench} print, and the
 * {@link dev.replyclock.model.MutableClock} that the replay and the tests move by hand.
 * It imports no other package of replyclock (ArchitectureTest).
 */
package dev.replyclock.model;
