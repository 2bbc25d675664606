package dev.replyclock.classify;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Folds text for matching, one UTF-16 unit at a time through a table built once from ICU at class load:
 * NFKC case folding, accents stripped (decomposed or not), lookalike letters from other scripts mapped to
 * their Latin skeleton (Cyrillic "а", Greek "ο", fullwidth "Ｕ"), zero-width and other format characters
 * deleted. Calling ICU per message costs 5-40x more (see notes/text-matching-facts.md); the table makes
 * folding one array read per character. Characters outside the BMP (math alphanumerics, emoji) take a
 * slow path through ICU, character by character.
 *
 * <p>Each code unit folds to one of: nothing (deleted), a separator (with or without a clause break),
 * an apostrophe, or one or two lower-case characters.
 */
final class TextFolder {

    static final char DELETE = 0;
    static final char SPACE = 1;
    static final char CLAUSE = 2;
    static final char APOSTROPHE = 3;
    /** A clause break that also ends a sentence: . ! ? and line breaks. */
    static final char SENTENCE = 4;

    /** The folded form of each BMP code unit: a marker above, or a character; second chars in SECOND. */
    private static final char[] FIRST = new char[65536];
    private static final char[] SECOND = new char[65536];

    static {
        Normalizer2 nfkcCf = Normalizer2.getNFKCCasefoldInstance();
        Normalizer2 nfd = Normalizer2.getNFDInstance();
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        for (int c = 0; c < 65536; c++) {
            String folded = foldCodePoint(c, nfkcCf, nfd, spoof);
            if (folded == null) {
                FIRST[c] = (char) markerFor(c);
            } else if (folded.isEmpty()) {
                FIRST[c] = DELETE;
            } else {
                FIRST[c] = folded.charAt(0);
                SECOND[c] = folded.length() > 1 ? folded.charAt(1) : 0;
            }
        }
    }

    private TextFolder() {
    }

    /** Null when the code point is not a letter or digit (the caller then picks a marker). */
    private static String foldCodePoint(int c, Normalizer2 nfkcCf, Normalizer2 nfd, SpoofChecker spoof) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return null;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == 0x00AD || c == 0x034F
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return ""; // zero-width joiners, soft hyphens, combining accents: deleted
        }
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) ? String.valueOf((char) Character.toLowerCase(c)) : null;
        }
        if (!Character.isLetterOrDigit(c)) {
            return null;
        }
        String s = latinLigatures(stripMarks(nfkcCf.normalize(new String(Character.toChars(c))), nfd));
        if (!isAsciiAlnum(s) && c < 0x3000 || c >= 0xFF00 && c <= 0xFFEF) {
            // A lookalike from another script: its confusable skeleton, if that is Latin. The original
            // letter first (Greek capital Beta looks like B, its lower case does not), then its folded form.
            for (String candidate : new String[] {new String(Character.toChars(c)), s}) {
                String skeleton = stripMarks(nfkcCf.normalize(spoof.getSkeleton(candidate)), nfd);
                if (skeleton.equals("l") && Character.isUpperCase(c)) {
                    // the skeleton of a capital I is "l" (I and l look alike): a capital with that skeleton (Cyrillic
                    // І, Greek Ι) stands for an I, as in "RІGHT АWАY"
                    skeleton = "i";
                }
                if (isAsciiAlnum(skeleton)) {
                    s = skeleton;
                    break;
                }
            }
        }
        if (s.isEmpty()) {
            return "";
        }
        return s.length() > 2 ? s.substring(0, 2) : s;
    }

    /** Latin letters that neither decompose nor have a skeleton of their own in ASCII. */
    private static String latinLigatures(String s) {
        return switch (s) {
            case "\u0153" -> "oe";
            case "\u00e6" -> "ae";
            case "\u00f8" -> "o";
            case "\u0111" -> "d";
            case "\u0142" -> "l";
            case "\u0131" -> "i";
            default -> s;
        };
    }

    private static String stripMarks(String s, Normalizer2 nfd) {
        String d = nfd.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                b.append(Character.toLowerCase(ch));
            }
        }
        return b.toString();
    }

    private static boolean isAsciiAlnum(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static int markerFor(int c) {
        if (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == '`' || c == 0xFF07) {
            return APOSTROPHE;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            return CLAUSE; // outside the BMP: emoji mostly (letters there take the slow path)
        }
        switch (c) {
            // a semicolon joins two sentences: "au cas où les cordes casseraient, j'en voudrais un second ; il me les
            // faut avant le 20" (the condition ends with the first)
            case '.', '!', '?', '\n', '\r', ';', 0x2026, 0x00A1, 0x00BF, 0x3002, 0xFF01, 0xFF1F -> {
                return SENTENCE;
            }
            case ':', ',', '(', ')', '[', ']', 0x2014, 0x2013 -> {
                return CLAUSE;
            }
            default -> {
                int type = Character.getType(c);
                // Symbols (emoji of the BMP, dingbats) end a clause: "rien d'abîmé 👍 le second..."
                return type == Character.OTHER_SYMBOL ? CLAUSE : SPACE;
            }
        }
    }

    static char first(char c) {
        return FIRST[c];
    }

    static char second(char c) {
        return SECOND[c];
    }

    /**
     * Emoji that carry a tier's meaning, read as words the rules can name (anger, an eye-roll of sarcasm),
     * or null. They are few and fixed, so a switch; ICU has names for them but no meaning.
     */
    static String emojiWord(int codePoint) {
        return switch (codePoint) {
            case 0x1F621, 0x1F620, 0x1F92C, 0x1F624 -> "emojiangry";
            case 0x1F644, 0x1F612 -> "emojieyeroll";
            case 0x1F643 -> "emojiupsidedown";
            case 0x1F44E -> "emojithumbsdown";
            case 0x1F62D, 0x1F622, 0x1F61E, 0x1F61F, 0x1F629, 0x1F62B -> "emojisad";
            default -> null;
        };
    }

    /** The slow path for a supplementary code point: a folded letter/digit, or null for a separator. */
    static String foldSupplementary(int codePoint) {
        if (!Character.isLetterOrDigit(codePoint)) {
            return null;
        }
        String s = Normalizer2.getNFKCCasefoldInstance().normalize(new String(Character.toChars(codePoint)));
        StringBuilder b = new StringBuilder();
        String d = Normalizer2.getNFDInstance().normalize(s);
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                b.append(ch);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }
}
