package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cut works out each token's hash in the pass that looks for repeated letters: it is the hash of its letters. */
class TokensTest {

    @Test
    void everyTokenHashIsTheHashOfItsFoldedLetters() {
        String[] texts = {
            "my order arrived broken", "Mon colis est arrivé CASSÉ !!!", "urgeeeent, URGENTTT, aaa, zzzz",
            "br0ken c4ssé urg3nt 4411b 18h30 1er", "$c@m a$ap d€çu dè$ que possible", "doesn't can't l'urgence",
            "a", "ＵＲＧＥＮＴ 📦 😡 срочно", "x".repeat(300), "abcdefghijklmnopqrstuvwxyz".repeat(40),
        };
        Tokens t = new Tokens();
        for (String text : texts) {
            t.cut(text);
            for (int i = 0; i < t.count; i++) {
                assertEquals(Tokens.hash(t.chars, t.charStart[i], t.length[i]), t.hash[i],
                        "token " + i + " of \"" + text + "\"");
            }
        }
    }
}
