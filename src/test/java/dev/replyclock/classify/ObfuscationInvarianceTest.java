package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's robustness rule on every labeled message: spelling does not hide a signal, nor make one. Each message is
 * rewritten without its accents, with zero-width characters inside its words, and with Cyrillic lookalikes for some
 * of its Latin letters (small and capital), and each rewrite must get the tier the message itself gets (whatever its
 * label: this is about the spelling, not the reading). Seeded, so a failure names the same rewrite every run.
 */
class ObfuscationInvarianceTest {

    private static final Classifier CLASSIFIER = Classifier.builtIn();
    private static final List<String> TEXTS = new ArrayList<>();

    @BeforeAll
    static void readEveryLabeledMessage() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("../shared/corpus/dev.jsonl"),
                Path.of("../shared/corpus/dev-hard.jsonl")));
        try (Stream<Path> sets = Files.list(Path.of("src/test/resources/classify"))) {
            sets.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            LabeledCorpus.read(file).forEach(c -> TEXTS.add(c.text()));
        }
    }

    @Test
    void accentsLeftOutChangeNoTier() {
        assertSameTiers(text -> Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
    }

    @Test
    void zeroWidthCharactersInsideWordsChangeNoTier() {
        String[] invisible = {"\u200B", "\u200C", "\u200D", "\u2060", "\u00AD"};
        Random random = new Random(11);
        assertSameTiers(text -> {
            StringBuilder b = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                b.append(text.charAt(i));
                if (i > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i))
                        && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))
                        && random.nextInt(4) == 0) {
                    b.append(invisible[random.nextInt(invisible.length)]);
                }
            }
            return b.toString();
        });
    }

    @Test
    void cyrillicLookalikesChangeNoTier() {
        // small and capital letters: a capital I's lookalike (І) has the skeleton "l", as the capital I itself does
        String latin = "aeopcxyiAEOPCXBHKMTI";
        String cyrillic = "\u0430\u0435\u043E\u0440\u0441\u0445\u0443\u0456\u0410\u0415\u041E\u0420\u0421\u0425"
                + "\u0412\u041D\u041A\u041C\u0422\u0406";
        Random random = new Random(13);
        assertSameTiers(text -> {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int k = latin.indexOf(c);
                b.append(k >= 0 && random.nextInt(3) == 0 ? cyrillic.charAt(k) : c);
            }
            return b.toString();
        });
    }

    private static void assertSameTiers(UnaryOperator<String> rewrite) {
        List<String> changed = new ArrayList<>();
        for (String text : TEXTS) {
            Tier plain = CLASSIFIER.classify(text).tier();
            String rewritten = rewrite.apply(text);
            Tier got = CLASSIFIER.classify(rewritten).tier();
            if (got != plain) {
                changed.add(plain + " -> " + got + ": " + rewritten);
            }
        }
        assertEquals(List.of(), changed, changed.size() + " of " + TEXTS.size() + " messages changed tier");
    }
}
