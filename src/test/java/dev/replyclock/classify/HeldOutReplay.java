package dev.replyclock.classify;

import dev.replyclock.model.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Replays held-out sets as they were first scored, with the learned urgency model and dissent off and on: the
 * rules of a given file (the commit before the round, {@code git show <commit>^:config/signals.yaml}), this
 * code, and both models trained on every labeled set but the held-out ones, so that the models never saw them.
 * Not a test (it trains two models per run); the figures are in docs/classifier.md. Run from the project root:
 *
 * <pre>
 * git show 4e8a935:config/signals.yaml > /tmp/rules.yaml
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.replyclock.classify.HeldOutReplay /tmp/rules.yaml dh di
 * </pre>
 */
public final class HeldOutReplay {

    private static final Path SETS = Path.of("src/test/resources/classify");

    public static void main(String[] args) throws IOException, RulesException {
        List<String> held = List.of(args).subList(1, args.length);
        List<LearnedModelTrainer.Example> complaints = new ArrayList<>();
        List<LearnedModelTrainer.Example> urgency = new ArrayList<>();
        for (String file : LearnedModelTest.TRAINING) {
            if (held.stream().anyMatch(h -> file.endsWith("/unseen-" + h + ".jsonl"))) {
                continue;
            }
            for (LabeledCorpus.Case c : LabeledCorpus.read(Path.of(file))) {
                complaints.add(new LearnedModelTrainer.Example(c.text(), c.expected() == Tier.COMPLAINT));
                if (c.expected() != Tier.COMPLAINT) {
                    urgency.add(new LearnedModelTrainer.Example(c.text(), c.expected() == Tier.URGENT));
                }
            }
        }
        LearnedModel complaintModel = LearnedModelTrainer.train(complaints);
        LearnedModel urgentModel = LearnedModelTrainer.train(urgency);
        String rules = Files.readString(Path.of(args[0]));
        String off = Stream.of(rules.split("\n"))
                .filter(l -> !l.startsWith("learned-urgent-threshold:") && !l.startsWith("learned-dissent-below:"))
                .reduce("", (a, b) -> a + b + "\n");
        // -Ddissent=X replays another dissent threshold than the shipped one
        String on = off + "learned-urgent-threshold: 0.75\nlearned-dissent-below: "
                + System.getProperty("dissent", "0.010") + "\n";
        Classifier before = Classifier.fromRules(SignalRules.parse(off, args[0]), complaintModel, LearnedModel.NONE);
        Classifier after = Classifier.fromRules(SignalRules.parse(on, args[0]), complaintModel, urgentModel);
        for (String set : held) {
            int n = 0;
            int right0 = 0;
            int right1 = 0;
            int complaintsIn = 0;
            int caught0 = 0;
            int caught1 = 0;
            for (LabeledCorpus.Case c : LabeledCorpus.read(SETS.resolve("unseen-" + set + ".jsonl"))) {
                Tier t0 = before.classify(c.text()).tier();
                Tier t1 = after.classify(c.text()).tier();
                n++;
                right0 += t0 == c.expected() ? 1 : 0;
                right1 += t1 == c.expected() ? 1 : 0;
                if (c.expected() == Tier.COMPLAINT) {
                    complaintsIn++;
                    caught0 += t0 == Tier.COMPLAINT ? 1 : 0;
                    caught1 += t1 == Tier.COMPLAINT ? 1 : 0;
                }
                if (t0 != t1) {
                    System.out.printf("  %s %s: %s -> %s | %s%n", t1 == c.expected() ? "right" : t0 == c.expected()
                            ? "WRONG" : "other", c.expected(), t0, t1, c.text().replace('\n', ' '));
                }
            }
            System.out.printf(Locale.ROOT, "%s %.3f / %.3f -> %.3f / %.3f%n", set, right0 / (double) n,
                    caught0 / (double) complaintsIn, right1 / (double) n, caught1 / (double) complaintsIn);
        }
    }
}
