package dev.replyclock.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Reproducible benchmark traffic: from a seed, messages over a set of conversations with the mix the bench
 * contract names (60% standard, 25% urgent, 15% complaint among customer messages; 30% staff replies),
 * French and English texts of 40-400 characters.
 */
final class BenchMessages {

    private static final String[] STANDARD = {
        "Bonjour, quel est le prix de la lampe en laiton et existe-t-elle en noir ?",
        "Hello, do you have the linen shirt in size M and in navy blue?",
        "Quels sont vos horaires d'ouverture le samedi à la boutique de Nantes ?",
        "Hi, how do I wash the wool jumper without shrinking it?",
        "Est-ce que la robe taille grand ? Je fais du 38 habituellement.",
        "Can I pick up my order in store instead of having it delivered?"};
    private static final String[] URGENT = {
        "C'est urgent : quand ma commande 55812 sera-t-elle expédiée ? J'en ai besoin samedi.",
        "URGENT please, where is my order? I need it before Friday for a wedding.",
        "Bonjour, pouvez-vous me répondre au plus vite, le suivi de colis ne bouge plus.",
        "Hi, when will my order ship? It's a birthday present for tomorrow, asap please."};
    private static final String[] COMPLAINT = {
        "Mon colis est arrivé cassé, le vase est en morceaux. Je veux un remboursement.",
        "The blender stopped working after two days, this is unacceptable. I want a refund.",
        "Je suis très déçue, le produit est abîmé et personne ne répond. Je vais déposer une plainte.",
        "I received the wrong item and the box was damaged. Worst service ever."};
    private static final String[] REPLY = {
        "Bonjour, merci pour votre message, nous regardons cela tout de suite.",
        "Hi, thanks for reaching out, an agent is on it and will get back to you shortly."};
    private static final String PROBE = "Le colis est arrivé cassé et abîmé, je demande un remboursement.";
    private static final String PADDING = " Merci d'avance pour votre aide et bonne journée. Thanks a lot for your help.";

    private final SplittableRandom random;
    private final int conversations;
    private long sequence;

    BenchMessages(long seed, int conversations) {
        this.random = new SplittableRandom(seed);
        this.conversations = conversations;
    }

    /** A generated record: its key (the conversation) and its JSON value. */
    record Generated(String key, byte[] value, boolean inbound) {
    }

    Generated next(Instant sentAt) {
        String conversation = "bench-" + random.nextInt(conversations);
        boolean inbound = random.nextInt(100) >= 30;
        String text;
        if (!inbound) {
            text = pick(REPLY);
        } else {
            int r = random.nextInt(100);
            text = r < 60 ? pick(STANDARD) : r < 85 ? pick(URGENT) : pick(COMPLAINT);
        }
        return generated(conversation, inbound, padded(text), sentAt);
    }

    /** A standard question in a conversation of its own: an open wait with a far deadline (restore runs). */
    Generated question(String conversation, Instant sentAt) {
        return generated(conversation, true, STANDARD[(int) (sequence % STANDARD.length)], sentAt);
    }

    /** An urgent question (5-minute target) in a conversation of its own (restore runs' probes). */
    Generated urgent(String conversation, Instant sentAt) {
        return generated(conversation, true, "URGENT: where is my order?", sentAt);
    }

    /** An unmistakable complaint in a conversation of its own (latency probes). */
    Generated complaint(String conversation, Instant sentAt) {
        return generated(conversation, true, PROBE, sentAt);
    }

    private Generated generated(String conversation, boolean inbound, String text, Instant sentAt) {
        String json = "{\"messageId\":\"bm-" + (sequence++) + "\",\"conversationId\":\"" + conversation
                + "\",\"direction\":\"" + (inbound ? "inbound" : "outbound") + "\",\"channel\":\""
                + (inbound ? "whatsapp" : "email") + "\",\"from\":\"bench\",\"text\":\"" + text
                + "\",\"sentAt\":\"" + sentAt + "\"}";
        return new Generated(conversation, json.getBytes(StandardCharsets.UTF_8), inbound);
    }

    private String padded(String text) {
        int target = 40 + random.nextInt(361);
        StringBuilder b = new StringBuilder(text);
        while (b.length() < target) {
            b.append(PADDING);
        }
        return b.length() > 400 ? b.substring(0, 400) : b.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
