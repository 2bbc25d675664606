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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The learned second opinion on complaints: what it adds to the rules, how it shows itself, how it is made. */
class LearnedModelTest {

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
            "src/test/resources/classify/unseen-dh.jsonl", "src/test/resources/classify/unseen-di.jsonl",
            "src/test/resources/classify/unseen-dj.jsonl", "src/test/resources/classify/unseen-dk.jsonl",
            "src/test/resources/classify/unseen-dl.jsonl", "src/test/resources/classify/unseen-dm.jsonl",
            "src/test/resources/classify/unseen-dn.jsonl", "src/test/resources/classify/unseen-do.jsonl",
            "src/test/resources/classify/unseen-dp.jsonl", "src/test/resources/classify/unseen-dq.jsonl",
            "src/test/resources/classify/unseen-dr.jsonl", "src/test/resources/classify/unseen-ds.jsonl",
            "src/test/resources/classify/unseen-dt.jsonl", "src/test/resources/classify/unseen-du.jsonl",
            "src/test/resources/classify/unseen-dv.jsonl", "src/test/resources/classify/unseen-dw.jsonl",
            "src/test/resources/classify/unseen-dx.jsonl", "src/test/resources/classify/unseen-dy.jsonl",
            "src/test/resources/classify/unseen-dz.jsonl", "src/test/resources/classify/unseen-ea.jsonl",
            "src/test/resources/classify/unseen-eb.jsonl", "src/test/resources/classify/unseen-ec.jsonl",
            "src/test/resources/classify/unseen-ed.jsonl", "src/test/resources/classify/unseen-ee.jsonl",
            "src/test/resources/classify/receipts.jsonl",
            "src/test/resources/classify/unseen-ef.jsonl", "src/test/resources/classify/unseen-eg.jsonl",
            "src/test/resources/classify/unseen-eh.jsonl", "src/test/resources/classify/unseen-ei.jsonl",
            "src/test/resources/classify/unseen-ej.jsonl", "src/test/resources/classify/unseen-ek.jsonl",
            "src/test/resources/classify/unseen-el.jsonl", "src/test/resources/classify/unseen-em.jsonl",
            "src/test/resources/classify/unseen-en.jsonl", "src/test/resources/classify/unseen-eo.jsonl",
            "src/test/resources/classify/unseen-ep.jsonl", "src/test/resources/classify/unseen-eq.jsonl",
            "src/test/resources/classify/unseen-er.jsonl", "src/test/resources/classify/unseen-es.jsonl",
            "src/test/resources/classify/unseen-et.jsonl", "src/test/resources/classify/unseen-eu.jsonl",
            "src/test/resources/classify/kept.jsonl",
            "src/test/resources/classify/unseen-ev.jsonl", "src/test/resources/classify/unseen-ew.jsonl",
            "src/test/resources/classify/unseen-ex.jsonl", "src/test/resources/classify/unseen-ey.jsonl",
            "src/test/resources/classify/unseen-ez.jsonl", "src/test/resources/classify/unseen-fa.jsonl",
            "src/test/resources/classify/unseen-fb.jsonl", "src/test/resources/classify/unseen-fc.jsonl",
            "src/test/resources/classify/unseen-fd.jsonl", "src/test/resources/classify/unseen-fe.jsonl",
            "src/test/resources/classify/unseen-ff.jsonl", "src/test/resources/classify/unseen-fg.jsonl",
            "src/test/resources/classify/unseen-fh.jsonl", "src/test/resources/classify/unseen-fi.jsonl",
            "src/test/resources/classify/unseen-fj.jsonl", "src/test/resources/classify/unseen-fk.jsonl",
            "src/test/resources/classify/unseen-fl.jsonl", "src/test/resources/classify/unseen-fm.jsonl",
            "src/test/resources/classify/unseen-fn.jsonl", "src/test/resources/classify/unseen-fo.jsonl",
            "src/test/resources/classify/unseen-fp.jsonl", "src/test/resources/classify/unseen-fq.jsonl",
            "src/test/resources/classify/unseen-fr.jsonl", "src/test/resources/classify/unseen-fs.jsonl",
            "src/test/resources/classify/unseen-ft.jsonl", "src/test/resources/classify/unseen-fu.jsonl",
            "src/test/resources/classify/unseen-fv.jsonl", "src/test/resources/classify/unseen-fw.jsonl",
            "src/test/resources/classify/unseen-fx.jsonl", "src/test/resources/classify/unseen-fy.jsonl",
            "src/test/resources/classify/unseen-fz.jsonl", "src/test/resources/classify/unseen-ga.jsonl",
            "src/test/resources/classify/unseen-gb.jsonl", "src/test/resources/classify/unseen-gc.jsonl",
            "src/test/resources/classify/unseen-gd.jsonl", "src/test/resources/classify/unseen-ge.jsonl",
            "src/test/resources/classify/unseen-gf.jsonl", "src/test/resources/classify/unseen-gg.jsonl",
            "src/test/resources/classify/unseen-gh.jsonl", "src/test/resources/classify/unseen-gi.jsonl",
            "src/test/resources/classify/unseen-gj.jsonl", "src/test/resources/classify/unseen-gk.jsonl",
            "src/test/resources/classify/unseen-gl.jsonl", "src/test/resources/classify/unseen-gm.jsonl",
            "src/test/resources/classify/unseen-gn.jsonl", "src/test/resources/classify/unseen-go.jsonl",
            "src/test/resources/classify/unseen-gp.jsonl", "src/test/resources/classify/unseen-gq.jsonl",
            "src/test/resources/classify/unseen-gr.jsonl", "src/test/resources/classify/unseen-gs.jsonl",
            "src/test/resources/classify/unseen-gt.jsonl", "src/test/resources/classify/unseen-gu.jsonl",
            "src/test/resources/classify/unseen-gv.jsonl", "src/test/resources/classify/unseen-gw.jsonl",
            "src/test/resources/classify/unseen-gx.jsonl", "src/test/resources/classify/unseen-gy.jsonl",
            "src/test/resources/classify/unseen-gz.jsonl", "src/test/resources/classify/unseen-ha.jsonl",
            "src/test/resources/classify/unseen-hb.jsonl", "src/test/resources/classify/unseen-hc.jsonl",
            "src/test/resources/classify/unseen-hd.jsonl", "src/test/resources/classify/unseen-he.jsonl",
            "src/test/resources/classify/unseen-hf.jsonl", "src/test/resources/classify/unseen-hg.jsonl",
            "src/test/resources/classify/unseen-hh.jsonl", "src/test/resources/classify/unseen-hi.jsonl",
            "src/test/resources/classify/unseen-hj.jsonl", "src/test/resources/classify/unseen-hk.jsonl",
            "src/test/resources/classify/unseen-hl.jsonl", "src/test/resources/classify/unseen-hm.jsonl",
            "src/test/resources/classify/unseen-hn.jsonl", "src/test/resources/classify/unseen-ho.jsonl",
            "src/test/resources/classify/unseen-hp.jsonl", "src/test/resources/classify/unseen-hq.jsonl",
            "src/test/resources/classify/unseen-hr.jsonl", "src/test/resources/classify/unseen-hs.jsonl",
            "src/test/resources/classify/unseen-ht.jsonl", "src/test/resources/classify/unseen-hu.jsonl",
            "src/test/resources/classify/unseen-hv.jsonl", "src/test/resources/classify/unseen-hw.jsonl",
            "src/test/resources/classify/unseen-hx.jsonl", "src/test/resources/classify/unseen-hy.jsonl",
            "src/test/resources/classify/unseen-hz.jsonl", "src/test/resources/classify/unseen-ia.jsonl",
            "src/test/resources/classify/unseen-ib.jsonl", "src/test/resources/classify/unseen-ic.jsonl",
            "src/test/resources/classify/unseen-id.jsonl", "src/test/resources/classify/unseen-ie.jsonl",
            "src/test/resources/classify/unseen-if.jsonl", "src/test/resources/classify/unseen-ig.jsonl",
            "src/test/resources/classify/unseen-ih.jsonl", "src/test/resources/classify/unseen-ii.jsonl",
            "src/test/resources/classify/unseen-ij.jsonl", "src/test/resources/classify/unseen-ik.jsonl",
            "src/test/resources/classify/unseen-il.jsonl", "src/test/resources/classify/unseen-im.jsonl",
            "src/test/resources/classify/unseen-in.jsonl", "src/test/resources/classify/unseen-io.jsonl",
            "src/test/resources/classify/unseen-ip.jsonl", "src/test/resources/classify/unseen-iq.jsonl",
            "src/test/resources/classify/unseen-ir.jsonl", "src/test/resources/classify/unseen-is.jsonl",
            "src/test/resources/classify/unseen-it.jsonl", "src/test/resources/classify/unseen-iu.jsonl",
            "src/test/resources/classify/unseen-iv.jsonl", "src/test/resources/classify/unseen-iw.jsonl",
            "src/test/resources/classify/unseen-ix.jsonl", "src/test/resources/classify/unseen-iy.jsonl",
            "src/test/resources/classify/unseen-iz.jsonl", "src/test/resources/classify/unseen-ja.jsonl",
            "src/test/resources/classify/unseen-jb.jsonl", "src/test/resources/classify/unseen-jc.jsonl",
            "src/test/resources/classify/unseen-jd.jsonl", "src/test/resources/classify/unseen-je.jsonl",
            "src/test/resources/classify/unseen-jf.jsonl", "src/test/resources/classify/unseen-jg.jsonl",
            "src/test/resources/classify/unseen-jh.jsonl", "src/test/resources/classify/unseen-ji.jsonl",
            "src/test/resources/classify/unseen-jj.jsonl", "src/test/resources/classify/unseen-jk.jsonl",
            "src/test/resources/classify/unseen-jl.jsonl", "src/test/resources/classify/unseen-jm.jsonl",
            "src/test/resources/classify/unseen-jn.jsonl", "src/test/resources/classify/unseen-jo.jsonl",
            "src/test/resources/classify/unseen-jp.jsonl", "src/test/resources/classify/unseen-jq.jsonl",
            "src/test/resources/classify/unseen-jr.jsonl", "src/test/resources/classify/unseen-js.jsonl",
            "src/test/resources/classify/unseen-jt.jsonl", "src/test/resources/classify/unseen-ju.jsonl",
            "src/test/resources/classify/unseen-jv.jsonl", "src/test/resources/classify/unseen-jw.jsonl",
            "src/test/resources/classify/unseen-jx.jsonl", "src/test/resources/classify/unseen-jy.jsonl",
            "src/test/resources/classify/unseen-jz.jsonl", "src/test/resources/classify/unseen-ka.jsonl",
            "src/test/resources/classify/unseen-kb.jsonl", "src/test/resources/classify/unseen-kc.jsonl",
            "src/test/resources/classify/unseen-kd.jsonl", "src/test/resources/classify/unseen-ke.jsonl",
            "src/test/resources/classify/unseen-kf.jsonl", "src/test/resources/classify/unseen-kg.jsonl",
            "src/test/resources/classify/unseen-kh.jsonl", "src/test/resources/classify/unseen-ki.jsonl",
            "src/test/resources/classify/unseen-kj.jsonl", "src/test/resources/classify/unseen-kk.jsonl",
            "src/test/resources/classify/unseen-kl.jsonl", "src/test/resources/classify/unseen-km.jsonl",
            "src/test/resources/classify/unseen-kn.jsonl", "src/test/resources/classify/unseen-ko.jsonl",
            "src/test/resources/classify/unseen-kp.jsonl", "src/test/resources/classify/unseen-kq.jsonl",
            "src/test/resources/classify/unseen-kr.jsonl", "src/test/resources/classify/unseen-ks.jsonl",
            "src/test/resources/classify/unseen-kt.jsonl", "src/test/resources/classify/unseen-ku.jsonl",
            "src/test/resources/classify/unseen-kv.jsonl", "src/test/resources/classify/unseen-kw.jsonl",
            "src/test/resources/classify/unseen-kx.jsonl", "src/test/resources/classify/unseen-ky.jsonl",
            "src/test/resources/classify/unseen-kz.jsonl", "src/test/resources/classify/unseen-la.jsonl",
            "src/test/resources/classify/unseen-lb.jsonl", "src/test/resources/classify/unseen-lc.jsonl",
            "src/test/resources/classify/unseen-ld.jsonl", "src/test/resources/classify/unseen-le.jsonl",
            "src/test/resources/classify/unseen-lf.jsonl", "src/test/resources/classify/unseen-lg.jsonl",
            "src/test/resources/classify/unseen-lh.jsonl", "src/test/resources/classify/unseen-li.jsonl",
            "src/test/resources/classify/unseen-lj.jsonl", "src/test/resources/classify/unseen-lk.jsonl",
            "src/test/resources/classify/unseen-ll.jsonl", "src/test/resources/classify/unseen-lm.jsonl",
            "src/test/resources/classify/unseen-ln.jsonl", "src/test/resources/classify/unseen-lo.jsonl",
            "src/test/resources/classify/unseen-lp.jsonl", "src/test/resources/classify/unseen-lq.jsonl",
            "src/test/resources/classify/extra-cases.jsonl");

    // Written for this test, in none of the training files: complaints without a keyword of the rules.
    private static final String NARRATED_FAILURE =
            "The blender I got on Monday already smells of burnt plastic and stops after ten seconds.";
    private static final String NARRATED_FAILURE_FR = "Le mixeur chauffe au bout de deux minutes et sent le plastique.";

    private final Classifier withModel = Classifier.builtIn();
    private final Classifier rulesAlone = Classifier.fromRules(SignalRules.builtIn(), LearnedModel.NONE, LearnedModel.NONE);

    // Written for these tests, in none of the training files: urgency told by its circumstances, no urgent word.
    private static final List<String> CIRCUMSTANTIAL_URGENCY = List.of(
            "We check out of the cottage at ten on Sunday, can the cot be collected before that?",
            // (a driving test is an event of the rules now: "son permis samedi" is urgent by them)
            "Mon fils passe son audition de violon samedi matin, l'archet réparé sera prêt avant ?");

    @Test
    void urgencyToldByItsCircumstancesIsMadeUrgentByTheUrgencyModel() {
        for (String text : CIRCUMSTANTIAL_URGENCY) {
            assertEquals(Tier.STANDARD, rulesAlone.classify(text).tier(), "the rules alone miss: " + text);
            Classification c = withModel.classify(text);
            assertEquals(Tier.URGENT, c.tier(), text);
            Signal s = c.signals().get(c.signals().size() - 1);
            assertEquals("learned-urgent", s.family());
            assertEquals(Tier.URGENT, s.tier());
            // matched holds the folded words (no accents: "prêt" is matched as "pret"), the span their place in the text
            String spanFolded = java.text.Normalizer.normalize(text.substring(s.start(), s.end()), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
            assertEquals(s.matched(), spanFolded, "its words: " + s);
        }
    }

    @Test
    void theUrgencyModelDoesNotActWithoutATimeOrAQuestion() {
        String text = "Je dois porter plainte pour le vol de mon sac, il me faut la facture du téléphone.";
        assertTrue(LearnedModel.packagedUrgent().probability(text) >= 0.75, "the model alone would call it urgent");
        assertEquals(Tier.STANDARD, withModel.classify(text).tier(), "no deadline and nothing asked: standard");
    }

    @Test
    void theUrgencyModelDoesNotSpeakOnTheCustomersOwnMistake() {
        // a model that calls any message about a zorblax urgent, so that only the guard can keep one standard
        List<LearnedModelTrainer.Example> own = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            own.add(new LearnedModelTrainer.Example("can you swap the zorblax " + i, true));
            own.add(new LearnedModelTrainer.Example("what colours does the gizmo come in " + i, false));
        }
        Classifier zorblaxUrgent = Classifier.fromRules(SignalRules.builtIn(), LearnedModel.packaged(),
                LearnedModelTrainer.train(own));
        assertEquals(Tier.URGENT, zorblaxUrgent.classify("Hello, can you swap the zorblax?").tier());
        assertEquals(Tier.STANDARD, zorblaxUrgent.classify("My mistake, I picked the wrong zorblax. Can you swap the zorblax?")
                .tier(), "the rules' own-mistake guard holds for the urgency model too");
    }

    @Test
    void aComplaintWordUsedForAProductIsSetAsideByTheModelsDissent() {
        for (String text : List.of("Bonjour, vous avez des jeans déchirés aux genoux en 38 ?",
                "Do you have the jeans with torn knees in a 32 waist?")) {
            assertEquals(Tier.COMPLAINT, rulesAlone.classify(text).tier(), "the rules alone read a complaint: " + text);
            Classification c = withModel.classify(text);
            assertEquals(Tier.STANDARD, c.tier(), text);
            assertEquals(1, c.signals().size(), c.toString());
            Signal s = c.signals().get(0);
            assertEquals("learned-not-complaint", s.family(), "the dissent shows the word it set aside");
            assertEquals(Tier.STANDARD, s.tier());
            assertTrue(s.matched().equals("dechires") || s.matched().equals("torn"), s.toString());
        }
    }

    @Test
    void anUrgentWordInAPlansNameIsSetAsideByTheModelsDissent() {
        String text = "What's the difference between your basic and rush printing plans?";
        assertEquals(Tier.URGENT, rulesAlone.classify(text).tier());
        Classification c = withModel.classify(text);
        assertEquals(Tier.STANDARD, c.tier());
        assertEquals("learned-not-urgent", c.signals().get(0).family());
        assertEquals("rush", c.signals().get(0).matched());
    }

    @Test
    void dissentIsTurnedOffAtZeroAndNeverReadsALongText() throws Exception {
        SignalRules off = shippedWith("learned-dissent-below: 0.010", "learned-dissent-below: 0");
        assertEquals(Tier.COMPLAINT, Classifier.fromRules(off).classify("Do you have the jeans with torn knees in a 32 waist?").tier());
        // past MAX_DISSENT_TOKENS the sum of a long text, not the matched words, would decide: the rules stand
        String padded = "Do you have the jeans with torn knees in a 32 waist? "
                + "I would also like to know what colours and sizes you have. ".repeat(12);
        assertEquals(Tier.COMPLAINT, withModel.classify(padded).tier());
    }

    @Test
    void learnedKeysOutsideTheirRangeAreRefusedWithTheKey() {
        RulesException dissent = assertThrows(RulesException.class,
                () -> SignalRules.parse("learned-dissent-below: 0.5\nfamilies: []\n", "signals.yaml"));
        assertTrue(dissent.getMessage().contains("learned-dissent-below must be a number from 0 to 0.1"), dissent.getMessage());
        RulesException urgent = assertThrows(RulesException.class,
                () -> SignalRules.parse("learned-urgent-threshold: 0.3\nfamilies: []\n", "signals.yaml"));
        assertTrue(urgent.getMessage().contains("learned-urgent-threshold must be a number from 0.5 to 1"), urgent.getMessage());
    }

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
        SignalRules off = shippedWith("learned-complaint-threshold: 0.5", "learned-complaint-threshold: 1");
        assertEquals(Tier.STANDARD, Classifier.fromRules(off).classify(NARRATED_FAILURE).tier());
    }

    /** The shipped rules with one line replaced; fails if the shipped file no longer has that line. */
    private static SignalRules shippedWith(String line, String replacement) throws Exception {
        String shipped = Files.readString(Path.of("config/signals.yaml"));
        assertTrue(shipped.contains("\n" + line + "\n"), "the shipped rules say " + line);
        return SignalRules.parse(shipped.replace("\n" + line + "\n", "\n" + replacement + "\n"), "signals.yaml");
    }

    @Test
    void thresholdOutsideItsRangeIsRefusedWithItsKey() {
        RulesException e = assertThrows(RulesException.class,
                () -> SignalRules.parse("learned-complaint-threshold: 0.2\nfamilies: []\n", "signals.yaml"));
        assertTrue(e.getMessage().contains("learned-complaint-threshold must be a number from 0.5 to 1"), e.getMessage());
    }

    @Test
    void aLeadCanPointTheRulesAtTheirOwnModel(@TempDir Path dir) throws Exception {
        List<LearnedModelTrainer.Example> own = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            own.add(new LearnedModelTrainer.Example("the zorblax quux again " + i, true));
            own.add(new LearnedModelTrainer.Example("what colours does the gizmo come in " + i, false));
        }
        Files.write(dir.resolve("own-model.bin"), LearnedModelTrainer.train(own).toBytes());
        Files.writeString(dir.resolve("signals.yaml"), Files.readString(Path.of("config/signals.yaml"))
                + "\nlearned-complaint-model: own-model.bin\n");
        Classifier leads = Classifier.fromRules(SignalRules.load(dir.resolve("signals.yaml")));
        String text = "Hello, zorblax quux";
        assertEquals(Tier.STANDARD, withModel.classify(text).tier(), "the packaged model knows no zorblax");
        Classification c = leads.classify(text);
        assertEquals(Tier.COMPLAINT, c.tier(), "the model beside the rules file decides");
        assertEquals("learned-complaint", c.signals().get(c.signals().size() - 1).family());
    }

    @ParameterizedTest
    @CsvSource({"learned-complaint-model, --out", "learned-urgent-model, --urgent-out"})
    void anUnusableModelFileIsRefusedWithTheFix(String key, String option, @TempDir Path dir) throws Exception {
        Files.write(dir.resolve("broken.bin"), new byte[] {'n', 'o', 'p', 'e'});
        Files.writeString(dir.resolve("signals.yaml"), Files.readString(Path.of("config/signals.yaml"))
                + "\n" + key + ": broken.bin\n");
        RulesException e = assertThrows(RulesException.class, () -> SignalRules.load(dir.resolve("signals.yaml")));
        assertTrue(e.getMessage().contains(key + ": 'broken.bin' is not a usable model"), e.getMessage());
        assertTrue(e.getMessage().contains("replyclock train-complaints " + option + " broken.bin"), e.getMessage());
        Files.delete(dir.resolve("broken.bin"));
        assertThrows(RulesException.class, () -> SignalRules.load(dir.resolve("signals.yaml")), "a missing file too");
    }

    @Test
    void packagedModelsAreTheTrainingOfTheListedFiles() throws IOException {
        List<LearnedModelTrainer.Example> complaints = new ArrayList<>();
        List<LearnedModelTrainer.Example> urgency = new ArrayList<>();
        for (String file : TRAINING) {
            for (LabeledCorpus.Case c : LabeledCorpus.read(Path.of(file))) {
                complaints.add(new LearnedModelTrainer.Example(c.text(), c.expected() == Tier.COMPLAINT));
                if (c.expected() != Tier.COMPLAINT) {
                    urgency.add(new LearnedModelTrainer.Example(c.text(), c.expected() == Tier.URGENT));
                }
            }
        }
        assertPackaged(LearnedModel.RESOURCE, LearnedModelTrainer.train(complaints).toBytes());
        assertPackaged(LearnedModel.URGENT_RESOURCE, LearnedModelTrainer.train(urgency).toBytes());
    }

    private static void assertPackaged(String resource, byte[] trained) throws IOException {
        try (InputStream in = LearnedModel.class.getResourceAsStream(resource)) {
            assertArrayEquals(in.readAllBytes(), trained, "src/main/resources" + resource
                    + " is stale: rebuild it with replyclock train-complaints (docs/classifier.md)");
        }
    }

    @Test
    void bothModelsReadInOnePassGiveEachModelsOwnLogitAndSpan() throws IOException {
        LearnedModel complaint = LearnedModel.packaged();
        LearnedModel urgent = LearnedModel.packagedUrgent();
        TwoModels both = new TwoModels(complaint, urgent);
        Tokens t = new Tokens();
        double[] logits = new double[2];
        int[] spans = new int[4];
        int[] own = new int[2];
        for (LabeledCorpus.Case c : LabeledCorpus.read(Path.of("../shared/corpus/dev-hard.jsonl"))) {
            t.cut(c.text());
            int[] hashes = new int[t.count];
            float[] wc = new float[t.count];
            float[] wu = new float[t.count];
            for (int i = 0; i < t.count; i++) {
                hashes[i] = LearnedModel.wordHash(t.chars, t.charStart[i], t.length[i]);
                wc[i] = complaint.wordWeight(hashes[i]);
                wu[i] = urgent.wordWeight(hashes[i]);
            }
            both.logits(t, hashes, wc, wu, logits, spans);
            assertEquals(complaint.logit(t, hashes, wc, own), logits[0], 0.0, c.text());
            assertArrayEquals(own, new int[] {spans[0], spans[1]}, c.text());
            assertEquals(urgent.logit(t, hashes, wu, own), logits[1], 0.0, c.text());
            assertArrayEquals(own, new int[] {spans[2], spans[3]}, c.text());
        }
    }

    @Test
    void modelReadBackIsTheSameModel() throws IOException {
        byte[] bytes = LearnedModel.packaged().toBytes();
        assertArrayEquals(bytes, LearnedModel.read(new ByteArrayInputStream(bytes)).toBytes());
        assertThrows(IOException.class, () -> LearnedModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})));
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
            int n = LearnedModel.features(t, keys, first);
            for (int k = 0; k < n; k++) {
                weights.put(keys[k], (double) ((keys[k] & 0xFFFF) - 0x8000) / 0x8000);
            }
        }
        LearnedModel model = new LearnedModel(-0.25, weights);
        Classifier classifier = Classifier.fromRules(SignalRules.builtIn(), model, LearnedModel.packagedUrgent());
        texts.addAll(List.copyOf(texts)); // the second time round, the words come from the classifier's memo
        for (String text : texts) {
            t.cut(text);
            int n = LearnedModel.features(t, keys, first);
            double expected = -0.25;
            for (int k = 0; k < n; k++) {
                expected += weights.get(keys[k]).floatValue();
            }
            assertEquals(expected, model.logit(t, new int[2]), 0.0, text);
            // the rules may find a question without a question mark ("was it shipped today"): the same tokens
            Tokens read = classifier.tokensAfterClassifying(text);
            n = LearnedModel.features(read, keys, first);
            double asRead = -0.25;
            for (int k = 0; k < n; k++) {
                asRead += weights.get(keys[k]).floatValue();
            }
            assertEquals(asRead, classifier.modelLogit(), 0.0, text);
        }
    }
}
