package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.model.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Labeled messages (id, text, tier) and the confusion matrix of the classifier on them. */
final class LabeledCorpus {

    record Case(String id, String text, Tier expected) {
    }

    record Result(Map<Tier, Map<Tier, Integer>> matrix, List<String> mistakes, int total) {

        int count(Tier expected, Tier got) {
            return matrix.get(expected).get(got);
        }

        double accuracy() {
            int right = 0;
            for (Tier t : Tier.values()) {
                right += count(t, t);
            }
            return right / (double) total;
        }

        double recall(Tier t) {
            int all = 0;
            for (Tier got : Tier.values()) {
                all += count(t, got);
            }
            return count(t, t) / (double) all;
        }

        String describe() {
            StringBuilder b = new StringBuilder(String.format("accuracy %.4f, complaint recall %.4f (%d messages)%n",
                    accuracy(), recall(Tier.COMPLAINT), total));
            b.append("expected \\ got   complaint  urgent  standard\n");
            for (Tier e : new Tier[] {Tier.COMPLAINT, Tier.URGENT, Tier.STANDARD}) {
                b.append(String.format("%-15s %9d %7d %9d%n", e.wireName(), count(e, Tier.COMPLAINT),
                        count(e, Tier.URGENT), count(e, Tier.STANDARD)));
            }
            mistakes.forEach(m -> b.append("  ").append(m).append('\n'));
            return b.toString();
        }
    }

    private LabeledCorpus() {
    }

    static List<Case> read(Path file) throws IOException {
        assertTrue(Files.exists(file), "labeled corpus missing: " + file.toAbsolutePath()
                + " (the tests run from the repository root with ../shared beside it)");
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            cases.add(new Case(n.get("id").asText(), n.get("text").asText(), Tier.fromWire(n.get("tier").asText())));
        }
        return cases;
    }

    static Result evaluate(Classifier classifier, List<Case> cases) {
        Map<Tier, Map<Tier, Integer>> matrix = new EnumMap<>(Tier.class);
        for (Tier e : Tier.values()) {
            Map<Tier, Integer> row = new EnumMap<>(Tier.class);
            for (Tier g : Tier.values()) {
                row.put(g, 0);
            }
            matrix.put(e, row);
        }
        List<String> mistakes = new ArrayList<>();
        for (Case c : cases) {
            Classification got = classifier.classify(c.text());
            matrix.get(c.expected()).merge(got.tier(), 1, Integer::sum);
            if (got.tier() != c.expected()) {
                mistakes.add(c.id() + ": expected " + c.expected().wireName() + ", got " + got.tier().wireName()
                        + " " + got.signals());
            }
        }
        return new Result(matrix, mistakes, cases.size());
    }
}
