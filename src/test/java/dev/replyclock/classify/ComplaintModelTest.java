package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned second opinion on complaints: what it adds to the rules, how it shows itself, how it is made. */
class ComplaintModelTest {

    /** The files the packaged model is trained on, in this order (docs/classifier.md says the same). */
    static final List<String> TRAINING = List.of("../shared/corpus/dev.jsonl", "../shared/corpus/dev-hard.jsonl",
            "src/test/resources/classify/unseen-100.jsonl", "src/test/resources/classify/unseen-b.jsonl",
            "src/test/resources/classify/unseen-c.jsonl", "src/test/resources/classify/unseen-d.jsonl",
            "src/test/resources/classify/unseen-e.jsonl", "src/test/resources/classify/unseen-f.jsonl",
            "src/test/resources/classify/unseen-g.jsonl", "src/test/resources/classify/unseen-h.jsonl",
            "src/test/resources/classify/unseen-i.jsonl", "src/test/resources/classify/unseen-j.jsonl",
            "src/test/resources/classify/unseen-k.jsonl", "src/test/resources/classify/unseen-l.jsonl",
            "src/test/resources/classify/unseen-m.jsonl", "src/test/resources/classify/unseen-n.jsonl",
            "src/test/resources/classify/unseen-o.jsonl", "src/test/resources/classify/unseen-p.jsonl",
            "src/test/resources/classify/unseen-q.jsonl", "src/test/resources/classify/unseen-r.jsonl",
            "src/test/resources/classify/unseen-s.jsonl", "src/test/resources/classify/unseen-t.jsonl",
            "src/test/resources/classify/unseen-u.jsonl", "src/test/resources/classify/unseen-v.jsonl",
            "src/test/resources/classify/unseen-w.jsonl", "src/test/resources/classify/unseen-x.jsonl",
            "src/test/resources/classify/unseen-y.jsonl", "src/test/resources/classify/unseen-z.jsonl",
            "src/test/resources/classify/unseen-aa.jsonl", "src/test/resources/classify/unseen-ab.jsonl",
            "src/test/resources/classify/unseen-ac.jsonl", "src/test/resources/classify/unseen-ad.jsonl",
            "src/test/resources/classify/unseen-ae.jsonl", "src/test/resources/classify/unseen-af.jsonl",
            "src/test/resources/classify/unseen-ag.jsonl", "src/test/resources/classify/unseen-ah.jsonl",
            "src/test/resources/classify/unseen-ai.jsonl", "src/test/resources/classify/unseen-aj.jsonl",
            "src/test/resources/classify/unseen-ak.jsonl", "src/test/resources/classify/unseen-al.jsonl",
            "src/test/resources/classify/unseen-am.jsonl", "src/test/resources/classify/unseen-an.jsonl",
            "src/test/resources/classify/unseen-ao.jsonl", "src/test/resources/classify/unseen-ap.jsonl",
            "src/test/resources/classify/unseen-aq.jsonl", "src/test/resources/classify/unseen-ar.jsonl",
            "src/test/resources/classify/unseen-as.jsonl", "src/test/resources/classify/unseen-at.jsonl",
            "src/test/resources/classify/unseen-au.jsonl", "src/test/resources/classify/unseen-av.jsonl",
            "src/test/resources/classify/unseen-aw.jsonl", "src/test/resources/classify/unseen-ax.jsonl",
            "src/test/resources/classify/unseen-ay.jsonl", "src/test/resources/classify/unseen-az.jsonl",
            "src/test/resources/classify/unseen-ba.jsonl",
            "src/test/resources/classify/unseen-bb.jsonl", "src/test/resources/classify/unseen-bc.jsonl",
            "src/test/resources/classify/unseen-bd.jsonl", "src/test/resources/classify/unseen-be.jsonl",
            "src/test/resources/classify/unseen-bf.jsonl", "src/test/resources/classify/unseen-bg.jsonl", "src/test/resources/classify/unseen-bh.jsonl",
            "src/test/resources/classify/unseen-bi.jsonl", "src/test/resources/classify/unseen-bj.jsonl", "src/test/resources/classify/unseen-bk.jsonl",
            "src/test/resources/classify/unseen-bl.jsonl", "src/test/resources/classify/unseen-bm.jsonl", "src/test/resources/classify/unseen-bn.jsonl",
            "src/test/resources/classify/unseen-bo.jsonl", "src/test/resources/classify/unseen-bp.jsonl", "src/test/resources/classify/unseen-bq.jsonl",
            "src/test/resources/classify/unseen-br.jsonl", "src/test/resources/classify/unseen-bs.jsonl", "src/test/resources/classify/unseen-bt.jsonl",
            "src/test/resources/classify/unseen-bu.jsonl", "src/test/resources/classify/unseen-bv.jsonl", "src/test/resources/classify/unseen-bw.jsonl",
            "src/test/resources/classify/unseen-bx.jsonl", "src/test/resources/classify/unseen-by.jsonl", "src/test/resources/classify/unseen-bz.jsonl",
            "src/test/resources/classify/unseen-ca.jsonl", "src/test/resources/classify/unseen-cb.jsonl", "src/test/resources/classify/unseen-cc.jsonl",
            "src/test/resources/classify/unseen-cd.jsonl", "src/test/resources/classify/unseen-ce.jsonl",
            "src/test/resources/classify/unseen-cf.jsonl", "src/test/resources/classify/unseen-cg.jsonl", "src/test/resources/classify/unseen-ch.jsonl", "src/test/resources/classify/unseen-ci.jsonl",
            "src/test/resources/classify/unseen-cj.jsonl", "src/test/resources/classify/unseen-ck.jsonl",
            "src/test/resources/classify/unseen-cl.jsonl", "src/test/resources/classify/unseen-cm.jsonl",
            "src/test/resources/classify/unseen-cn.jsonl", "src/test/resources/classify/unseen-co.jsonl",
            "src/test/resources/classify/unseen-cp.jsonl", "src/test/resources/classify/unseen-cq.jsonl",
            "src/test/resources/classify/unseen-cr.jsonl", "src/test/resources/classify/unseen-cs.jsonl",
            "src/test/resources/classify/unseen-ct.jsonl", "src/test/resources/classify/unseen-cu.jsonl",
            "src/test/resources/classify/unseen-cv.jsonl", "src/test/resources/classify/unseen-cw.jsonl",
            "src/test/resources/classify/unseen-cx.jsonl", "src/test/resources/classify/unseen-cy.jsonl",
            "src/test/resources/classify/unseen-cz.jsonl", "src/test/resources/classify/unseen-da.jsonl",
            "src/test/resources/classify/unseen-db.jsonl", "src/test/resources/classify/unseen-dc.jsonl",
            "src/test/resources/classify/unseen-dd.jsonl", "src/test/resources/classify/unseen-de.jsonl",
            "src/test/resources/classify/unseen-df.jsonl", "src/test/resources/classify/unseen-dg.jsonl",
            "src/test/resources/classify/unseen-dh.jsonl", "src/test/resources/classify/unseen-di.jsonl", "src/test/resources/classify/extra-cases.jsonl");

    // Written for this test, in none of the training files: complaints without a keyword of the rules.
    private static final String NARRATED_FAILURE =
            "The blender I got on Monday already smells of burnt plastic and stops after ten seconds.";
    private static final String NARRATED_FAILURE_FR = "Le mixeur chauffe au bout de deux minutes et sent le plastique.";

    private final Classifier withModel = Classifier.builtIn();
    private final Classifier rulesAlone = Classifier.fromRules(SignalRules.builtIn(), ComplaintModel.NONE);

    @Test
    void complaintWithoutAKeywordIsCaughtByTheModel() {
        for (String text : List.of(NARRATED_FAILURE, NARRATED_FAILURE_FR)) {
            assertEquals(Tier.STANDARD, rulesAlone.classify(text).tier(), "the rules alone miss: " + text);
            assertEquals(Tier.COMPLAINT, withModel.classify(text).tier(), text);
        }
    }

    @Test
    void learnedComplaintShowsTheWordsThatWeighedMost() {
        Classification c = withModel.classify(NARRATED_FAILURE);
        Signal s = c.signals().get(c.signals().size() - 1);
        assertEquals("learned-complaint", s.family());
        assertEquals(Tier.COMPLAINT, s.tier());
        assertTrue(s.start() >= 0 && s.end() <= NARRATED_FAILURE.length() && s.start() < s.end(), s.toString());
        assertEquals(s.matched(), NARRATED_FAILURE.substring(s.start(), s.end()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").trim(), "matched is the folded text of its span: " + s);
    }

    @Test
    void ordinaryQuestionsStayStandard() {
        for (String text : List.of("What sizes does the linen shirt come in?", "hello", "thx got it 👍",
                "Vous livrez en Belgique ? Et c'est combien pour Liège ?", "Is the blue one the same price as the grey?")) {
            assertEquals(Tier.STANDARD, withModel.classify(text).tier(), text);
        }
    }

    @Test
    void negatedSignalStaysStandardWithTheModel() {
        assertEquals(Tier.STANDARD, withModel.classify("Aucune plainte de mon côté, la livraison était top !").tier());
        assertEquals(Tier.STANDARD, withModel.classify("Nothing was broken, thanks for the careful packing.").tier());
    }

    @Test
    void thresholdOfOneTurnsTheModelOff() throws Exception {
        String shipped = Files.readString(Path.of("config/signals.yaml"));
        assertTrue(shipped.contains("\nlearned-complaint-threshold: 0.5\n"), "the shipped rules turn the model on");
        SignalRules off = SignalRules.parse(shipped.replace("\nlearned-complaint-threshold: 0.5\n",
                "\nlearned-complaint-threshold: 1\n"), "signals.yaml");
        assertEquals(Tier.STANDARD, Classifier.fromRules(off).classify(NARRATED_FAILURE).tier());
    }

    @Test
    void thresholdOutsideItsRangeIsRefusedWithItsKey() {
        RulesException e = assertThrows(RulesException.class,
                () -> SignalRules.parse("learned-complaint-threshold: 0.2\nfamilies: []\n", "signals.yaml"));
        assertTrue(e.getMessage().contains("learned-complaint-threshold must be a number from 0.5 to 1"), e.getMessage());
    }

    @Test
    void aLeadCanPointTheRulesAtTheirOwnModel(@TempDir Path dir) throws Exception {
        List<ComplaintModelTrainer.Example> own = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            own.add(new ComplaintModelTrainer.Example("the zorblax quux again " + i, true));
            own.add(new ComplaintModelTrainer.Example("what colours does the gizmo come in " + i, false));
        }
        Files.write(dir.resolve("own-model.bin"), ComplaintModelTrainer.train(own).toBytes());
        Files.writeString(dir.resolve("signals.yaml"), Files.readString(Path.of("config/signals.yaml"))
                + "\nlearned-complaint-model: own-model.bin\n");
        Classifier leads = Classifier.fromRules(SignalRules.load(dir.resolve("signals.yaml")));
        String text = "Hello, zorblax quux";
        assertEquals(Tier.STANDARD, withModel.classify(text).tier(), "the packaged model knows no zorblax");
        Classification c = leads.classify(text);
        assertEquals(Tier.COMPLAINT, c.tier(), "the model beside the rules file decides");
        assertEquals("learned-complaint", c.signals().get(c.signals().size() - 1).family());
    }

    @Test
    void anUnusableModelFileIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("broken.bin"), new byte[] {'n', 'o', 'p', 'e'});
        Files.writeString(dir.resolve("signals.yaml"), Files.readString(Path.of("config/signals.yaml"))
                + "\nlearned-complaint-model: broken.bin\n");
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.load(dir.resolve("signals.yaml")));
        assertTrue(e.getMessage().contains("learned-complaint-model: 'broken.bin' is not a usable model"), e.getMessage());
        assertTrue(e.getMessage().contains("replyclock train-complaints --out broken.bin"), e.getMessage());
        Files.delete(dir.resolve("broken.bin"));
        assertThrows(RulesException.class, () -> SignalRules.load(dir.resolve("signals.yaml")), "a missing file too");
    }

    @Test
    void packagedModelIsTheTrainingOfTheListedFiles() throws IOException {
        List<ComplaintModelTrainer.Example> examples = new ArrayList<>();
        for (String file : TRAINING) {
            for (LabeledCorpus.Case c : LabeledCorpus.read(Path.of(file))) {
                examples.add(new ComplaintModelTrainer.Example(c.text(), c.expected() == Tier.COMPLAINT));
            }
        }
        byte[] trained = ComplaintModelTrainer.train(examples).toBytes();
        try (InputStream in = ComplaintModel.class.getResourceAsStream(ComplaintModel.RESOURCE)) {
            assertArrayEquals(in.readAllBytes(), trained, "src/main/resources" + ComplaintModel.RESOURCE
                    + " is stale: rebuild it with replyclock train-complaints (docs/classifier.md)");
        }
    }

    @Test
    void modelReadBackIsTheSameModel() throws IOException {
        byte[] bytes = ComplaintModel.packaged().toBytes();
        assertArrayEquals(bytes, ComplaintModel.read(new ByteArrayInputStream(bytes)).toBytes());
        assertThrows(IOException.class, () -> ComplaintModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})));
    }

    @Test
    void classifyingWeighsExactlyTheFeaturesTheTrainerLearnsFrom() throws IOException {
        // the classifier adds weights per token from its memo; the trainer lists features: they must be the same sum
        List<String> texts = new ArrayList<>();
        for (LabeledCorpus.Case c : LabeledCorpus.read(Path.of("../shared/corpus/dev-hard.jsonl"))) {
            texts.add(c.text());
        }
        java.util.Map<Integer, Double> weights = new java.util.HashMap<>();
        Tokens t = new Tokens();
        int[] keys = new int[4096];
        int[] first = new int[4096];
        for (String text : texts) {
            t.cut(text);
            int n = ComplaintModel.features(t, keys, first);
            for (int k = 0; k < n; k++) {
                weights.put(keys[k], (double) ((keys[k] & 0xFFFF) - 0x8000) / 0x8000);
            }
        }
        ComplaintModel model = new ComplaintModel(-0.25, weights);
        Classifier classifier = Classifier.fromRules(SignalRules.builtIn(), model);
        texts.addAll(List.copyOf(texts)); // the second time round, the words come from the classifier's memo
        for (String text : texts) {
            t.cut(text);
            int n = ComplaintModel.features(t, keys, first);
            double expected = -0.25;
            for (int k = 0; k < n; k++) {
                expected += weights.get(keys[k]).floatValue();
            }
            assertEquals(expected, model.logit(t, new int[2]), 0.0, text);
            // the rules may find a question without a question mark ("was it shipped today"): the same tokens
            Tokens read = classifier.tokensAfterClassifying(text);
            n = ComplaintModel.features(read, keys, first);
            double asRead = -0.25;
            for (int k = 0; k < n; k++) {
                asRead += weights.get(keys[k]).floatValue();
            }
            assertEquals(asRead, classifier.modelLogit(), 0.0, text);
        }
    }
}
