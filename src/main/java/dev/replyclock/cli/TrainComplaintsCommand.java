package dev.replyclock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.replyclock.classify.Classifier;
import dev.replyclock.classify.LearnedModel;
import dev.replyclock.classify.LearnedModelTrainer;
import dev.replyclock.classify.LearnedModelTrainer.Example;
import dev.replyclock.classify.SignalRules;
import dev.replyclock.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train-complaints", mixinStandardHelpOptions = true,
        description = {"Trains the learned complaint model from labeled JSONL files (objects with \"text\" and",
                "\"tier\", as in the labeling guide) and writes it to --out; with --urgent-out, also the urgency",
                "model (urgent against standard messages). The packaged models are",
                "src/main/resources/classify/complaint-model.bin and urgent-model.bin, trained on the files listed",
                "in docs/classifier.md; the same files always give the same bytes."})
final class TrainComplaintsCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model")
    Path out;

    @Option(names = "--urgent-out", paramLabel = "FILE",
            description = "where to write the urgency model, trained on the same files' urgent and standard messages")
    Path urgentOut;

    @Parameters(arity = "1..*", paramLabel = "LABELED.jsonl", description = "labeled messages")
    List<Path> files;

    @Option(names = "--measure", paramLabel = "LABELED.jsonl", split = ",",
            description = "held-out files to measure the new model on (the model alone, the rules alone, both)")
    List<Path> measure = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Example> examples = new ArrayList<>();
        List<Example> urgency = new ArrayList<>();
        for (Path file : files) {
            try {
                for (Labeled l : read(file)) {
                    examples.add(l.example());
                    if (l.tier() != Tier.COMPLAINT) {
                        urgency.add(l.urgencyExample());
                    }
                }
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                return Main.EXIT_INVALID;
            }
        }
        LearnedModel model = LearnedModelTrainer.train(examples);
        Files.write(out, model.toBytes());
        long complaints = examples.stream().filter(Example::positive).count();
        PrintWriter report = spec.commandLine().getOut();
        report.printf("trained on %d messages (%d complaints); wrote %s%n", examples.size(), complaints, out);
        LearnedModel urgentModel = LearnedModel.packagedUrgent();
        if (urgentOut != null) {
            urgentModel = LearnedModelTrainer.train(urgency);
            Files.write(urgentOut, urgentModel.toBytes());
            report.printf("trained the urgency model on %d urgent and standard messages (%d urgent); wrote %s%n",
                    urgency.size(), urgency.stream().filter(Example::positive).count(), urgentOut);
        }
        Classifier rulesAlone = Classifier.fromRules(SignalRules.builtIn(), LearnedModel.NONE, LearnedModel.NONE);
        Classifier both = Classifier.fromRules(SignalRules.builtIn(), model, urgentModel);
        for (Path file : measure) {
            report.println(file + ": " + Measure.of(read(file), model, rulesAlone, both));
        }
        return 0;
    }

    /** Complaint recall of the model alone, and accuracy / complaint recall of the rules alone and of both. */
    record Measure(int messages, double modelRecall, double modelPrecision, double rulesAccuracy,
                   double rulesRecall, double bothAccuracy, double bothRecall) {

        static Measure of(List<Labeled> cases, LearnedModel model, Classifier rulesAlone, Classifier both) {
            int complaints = 0;
            int modelSays = 0;
            int modelRight = 0;
            int rulesRight = 0;
            int rulesCaught = 0;
            int bothRight = 0;
            int bothCaught = 0;
            for (Labeled c : cases) {
                boolean complaint = c.tier() == Tier.COMPLAINT;
                complaints += complaint ? 1 : 0;
                boolean learned = model.probability(c.text()) >= 0.5;
                modelSays += learned ? 1 : 0;
                modelRight += learned && complaint ? 1 : 0;
                Tier byRules = rulesAlone.classify(c.text()).tier();
                Tier byBoth = both.classify(c.text()).tier();
                rulesRight += byRules == c.tier() ? 1 : 0;
                rulesCaught += complaint && byRules == Tier.COMPLAINT ? 1 : 0;
                bothRight += byBoth == c.tier() ? 1 : 0;
                bothCaught += complaint && byBoth == Tier.COMPLAINT ? 1 : 0;
            }
            int n = cases.size();
            return new Measure(n, ratio(modelRight, complaints), ratio(modelRight, modelSays), ratio(rulesRight, n),
                    ratio(rulesCaught, complaints), ratio(bothRight, n), ratio(bothCaught, complaints));
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : a / (double) b;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d messages; model alone: complaint recall %.3f, precision %.3f;"
                    + " rules alone: accuracy %.3f, complaint recall %.3f; rules and model: accuracy %.3f,"
                    + " complaint recall %.3f", messages, modelRecall, modelPrecision, rulesAccuracy, rulesRecall,
                    bothAccuracy, bothRecall);
        }
    }

    /** A labeled message: its text and the tier the labeling guide gives it. */
    record Labeled(String text, Tier tier) {
        Example example() {
            return new Example(text, tier == Tier.COMPLAINT);
        }

        /** For the urgency model, which learns urgent against standard (a complaint is neither). */
        Example urgencyExample() {
            return new Example(text, tier == Tier.URGENT);
        }
    }

    /** The labeled messages of a JSONL file; a line without text or tier is refused with its number. */
    static List<Labeled> read(Path file) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().build();
        List<Labeled> examples = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + lineNo + " is not JSON");
            }
            if (!node.path("text").isTextual() || !node.path("tier").isTextual()) {
                throw new IllegalArgumentException("line " + lineNo + " needs \"text\" and \"tier\"");
            }
            Tier tier;
            try {
                tier = Tier.fromWire(node.get("tier").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage());
            }
            examples.add(new Labeled(node.get("text").asText(), tier));
        }
        return examples;
    }
}
