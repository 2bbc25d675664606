package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules file support leads edit: extensible without a rebuild, and refused with the line when wrong. */
class SignalRulesTest {

    private static final String MINIMAL = """
            suffixes:
              fr-adj: ["", e, s, es]
            negators: [pas]
            families:
              - name: dispute
                tier: complaint
                terms: [litige, "ouvrir un dossier"]
            """;

    @Test
    void aLeadCanAddAFamilyWithoutRebuilding() throws Exception {
        Classifier c = Classifier.fromRules(SignalRules.parse(MINIMAL, "test"));
        assertEquals(Tier.COMPLAINT, c.classify("je vais ouvrir un litige").tier());
        assertEquals(Tier.STANDARD, c.classify("pas de litige").tier());
    }

    @Test
    void badRulesFileNamesTheLine() {
        String bad = MINIMAL + """
                  - name: broken
                    tier: critical
                    terms: [panne]
                """;
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.parse(bad, "signals.yaml"));
        assertTrue(e.getMessage().contains("line 9"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown tier 'critical'"), e.getMessage());
    }

    @Test
    void unknownSuffixSetAndAccentedTermsAreRefused() {
        String bad = """
                families:
                  - name: damage
                    tier: complaint
                    terms: [cass:fr-verbe, "cassé"]
                """;
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.parse(bad, "signals.yaml"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("unknown suffix set 'fr-verbe'"), e.getMessage());
        assertTrue(e.problems().get(1).contains("without accents"), e.getMessage());
    }

    @Test
    void yamlBooleansMustBeQuoted() {
        String bad = """
                negators: [no]
                families:
                  - name: x
                    tier: urgent
                    terms: [asap]
                """;
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.parse(bad, "signals.yaml"));
        assertTrue(e.getMessage().contains("quote it"), e.getMessage());
    }

    @Test
    void invalidYamlGivesTheLine() {
        RulesException e = assertThrows(RulesException.class,
                () -> SignalRules.parse("families:\n  - name: [unclosed\n", "signals.yaml"));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void theShippedRulesFileIsValid(@TempDir Path dir) throws Exception {
        SignalRules rules = SignalRules.load(Path.of("config/signals.yaml"));
        assertTrue(rules.families.size() > 10);
        Path copy = dir.resolve("signals.yaml");
        Files.writeString(copy, Files.readString(Path.of("config/signals.yaml")).replace("tier: urgent", "tier: soon"));
        assertThrows(RulesException.class, () -> SignalRules.load(copy));
    }

    @Test
    void aLeadCanDescribeAComplaintAsAFrameOfSlots() throws Exception {
        String yaml = MINIMAL + """
                  - name: no-show
                    tier: complaint
                    frame:
                      scope: message
                      order: in-order
                      slots:
                        - [plombier]
                        - ["jamais venu"]
                """;
        Classifier c = Classifier.fromRules(SignalRules.parse(yaml, "test"));
        Classification r = c.classify("Le plombier devait passer à 9h. Il n'est jamais venu.");
        assertEquals(Tier.COMPLAINT, r.tier());
        assertEquals("no-show", r.signals().get(0).family());
        assertEquals(Tier.STANDARD, c.classify("Il n'est jamais venu, le plombier ?").tier(), "slots out of order");
    }

    @Test
    void aFrameWithABadScopeOrConditionNamesTheLine() {
        String bad = MINIMAL + """
                  - name: odd
                    tier: complaint
                    when: sometimes
                    frame:
                      scope: paragraph
                      slots: [[a], [b]]
                  - name: odder
                    tier: complaint
                    frame:
                      differ: sometimes
                      slots: [[ordered], [got]]
                """;
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.parse(bad, "signals.yaml"));
        assertTrue(e.getMessage().contains("frame.scope must be clause, sentence or message"), e.getMessage());
        assertTrue(e.getMessage().contains("frame.differ must be true or false"), e.getMessage());
        assertTrue(e.getMessage().contains("when must be 'question', 'bare-question' or 'scare-quoted'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 10"), e.getMessage());
    }

    @Test
    void aBadTermIsPointedAtItsOwnLineNotAnEarlierMentionOfItsWord() {
        String bad = """
                # a comment that says dé before the family does
                suffixes:
                  fr-adj: ["", e, s, es]
                negators: [pas]
                families:
                  - name: damage
                    tier: complaint
                    terms: [litige, "en dé morceaux"]
                """;
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.parse(bad, "signals.yaml"));
        assertTrue(e.getMessage().contains("line 8: family 'damage' terms: 'en dé morceaux': write terms in lower case"),
                e.getMessage());
    }
}
