package dev.replyclock.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** STUB until the real classifier lands. */
public final class Classifier {
    private static final String[] COMPLAINT = {"casse", "plainte", "broken", "damaged", "abime", "rembours"};
    private static final String[] URGENT = {"urgent", "asap", "where is my order", "expedie"};

    public static Classifier builtIn() {
        return new Classifier();
    }

    public static Classifier fromRules(SignalRules rules) {
        return new Classifier();
    }

    public Classification classify(String text) {
        if (text == null) {
            return Classification.STANDARD;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<Signal> signals = new ArrayList<>();
        Tier tier = Tier.STANDARD;
        for (String w : COMPLAINT) {
            int i = folded.indexOf(w);
            if (i >= 0) {
                signals.add(new Signal("complaint", Tier.COMPLAINT, w, i, i + w.length()));
                tier = Tier.COMPLAINT;
            }
        }
        for (String w : URGENT) {
            int i = folded.indexOf(w);
            if (i >= 0) {
                signals.add(new Signal("urgency", Tier.URGENT, w, i, i + w.length()));
                if (tier == Tier.STANDARD) {
                    tier = Tier.URGENT;
                }
            }
        }
        return new Classification(tier, signals);
    }
}
