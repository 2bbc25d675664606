package dev.replyclock.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import morfologik.stemming.Dictionary;

/**
 * The real French and English words of six letters or more, folded the way messages are (case, accents),
 * so that the typo tolerance never reads a real word as a misspelt signal ("pourrai" is not "pourri",
 * "faults" is not "faulty"). The words come from LanguageTool's dictionaries on Maven Central, read with
 * Morfologik, once per JVM; they are kept as a sorted array of 64-bit hashes (about 8 bytes a word), not
 * as strings.
 */
final class RealWords {

    private static final String[] DICTIONARIES = {
        "/org/languagetool/resource/fr/french.dict", "/org/languagetool/resource/en/english.dict"};
    /** Only words this long get a typo chance (see Classifier.typo). */
    static final int MIN_LENGTH = 6;

    private static volatile long[] hashes;

    private RealWords() {
    }

    /** Whether the folded characters chars[from, from+len) are a real word. */
    static boolean contains(char[] chars, int from, int len) {
        return Arrays.binarySearch(hashes(), hash(chars, from, len)) >= 0;
    }

    static long[] hashes() {
        long[] h = hashes;
        if (h == null) {
            synchronized (RealWords.class) {
                if (hashes == null) {
                    hashes = load();
                }
                h = hashes;
            }
        }
        return h;
    }

    private static long[] load() {
        long[] out = new long[1 << 20];
        int n = 0;
        char[] folded = new char[128];
        for (String resource : DICTIONARIES) {
            URL url = RealWords.class.getResource(resource);
            if (url == null) {
                throw new IllegalStateException("the word list " + resource + " is missing from the classpath");
            }
            Dictionary dict;
            try {
                dict = Dictionary.read(url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte separator = dict.metadata.getSeparator();
            for (ByteBuffer entry : dict.fsa) {
                int end = entry.position();
                while (end < entry.limit() && entry.get(end) != separator) {
                    end++;
                }
                String word = new String(entry.array(), entry.position(), end - entry.position(), StandardCharsets.UTF_8);
                if (word.length() < MIN_LENGTH || word.length() > folded.length || Character.isUpperCase(word.charAt(0))) {
                    continue; // short words get no typo chance; proper nouns are not words of the language
                }
                int len = fold(word, folded);
                if (len >= MIN_LENGTH) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = hash(folded, 0, len);
                }
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    /** Folded as Tokens folds a message: lower case, no accents; a word with anything else is left out. */
    private static int fold(String word, char[] out) {
        int len = 0;
        for (int i = 0; i < word.length(); i++) {
            char f = TextFolder.first(word.charAt(i));
            if (f < 'a' || f > 'z') {
                return 0;
            }
            out[len++] = f;
            char f2 = TextFolder.second(word.charAt(i));
            if (f2 != 0) {
                if (len == out.length) {
                    return 0;
                }
                out[len++] = f2;
            }
        }
        return len;
    }

    /** FNV-1a, 64 bits: collisions among a million words are vanishingly rare, and one costs a missed typo. */
    private static long hash(char[] chars, int from, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + len; i++) {
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        return h;
    }
}
