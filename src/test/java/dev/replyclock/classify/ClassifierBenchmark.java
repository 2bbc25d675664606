package dev.replyclock.classify;

import dev.replyclock.classify.SignalRules.Element;
import dev.replyclock.classify.SignalRules.Pattern;
import dev.replyclock.classify.SignalRules.Role;
import dev.replyclock.model.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classify throughput on the dev corpus messages (320 real-looking FR/EN messages), the full chain (fold,
 * tokens, trie, typos, negation), against one case-insensitive {@code java.util.regex} alternation of the
 * same words (no folding, no negation: the floor a naive implementation would start from).
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="-prof gc ClassifierBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBenchmark {

    static final int MESSAGES = 320;

    private String[] texts;
    private String oneMegabyte;
    private Classifier classifier;
    private java.util.regex.Pattern regex;

    @Setup
    public void setup() throws IOException {
        List<LabeledCorpus.Case> cases = LabeledCorpus.read(Path.of("../shared/corpus/dev.jsonl"));
        texts = cases.stream().map(LabeledCorpus.Case::text).limit(MESSAGES).toArray(String[]::new);
        classifier = Classifier.builtIn();
        StringBuilder big = new StringBuilder(1_000_100);
        for (int i = 0; big.length() < 1_000_000; i++) {
            big.append(texts[i % texts.length]).append('\n');
        }
        oneMegabyte = big.toString();
        Set<String> words = new LinkedHashSet<>();
        for (Pattern p : classifier.rules().patterns) {
            if (p.role() == Role.FAMILY || p.role() == Role.NEAR_A || p.role() == Role.NEAR_B) {
                List<String> parts = new ArrayList<>();
                for (Element e : p.elements()) {
                    parts.add(e.kind() == Element.Kind.ANY ? "\\S+" : java.util.regex.Pattern.quote(e.text()));
                }
                if (!parts.get(0).isEmpty()) {
                    words.add(String.join("\\s+", parts));
                }
            }
        }
        regex = java.util.regex.Pattern.compile("\\b(?:" + String.join("|", words) + ")",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int classifyFullChain() {
        int flagged = 0;
        for (String t : texts) {
            if (classifier.classify(t).tier() != Tier.STANDARD) {
                flagged++;
            }
        }
        return flagged;
    }

    /** The bad-input bound: one message of 1 MB (the corpus repeated), in milliseconds. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Classification classifyOneMegabyte() {
        return classifier.classify(oneMegabyte);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int regexAlternation() {
        int flagged = 0;
        for (String t : texts) {
            Matcher m = regex.matcher(t);
            if (m.find()) {
                flagged++;
            }
        }
        return flagged;
    }
}
