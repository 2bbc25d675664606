package dev.replyclock.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series selectors of a PromQL expression, and the samples of a Prometheus text scrape: enough to tell
 * whether a query would find a series, without a Prometheus (none can be installed in the build). A selector
 * is a metric name, optionally with label matchers ({@code =}, {@code !=}, {@code =~}, {@code !~}); the
 * {@code job} label is Prometheus' own (added at scrape) and is ignored. Words followed by {@code (} are
 * functions or aggregations, words inside {@code by (...)} / {@code without (...)} are labels, and PromQL's
 * keywords are not metrics.
 */
final class PromSelectors {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan");
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]|\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\{([^}]*)\\})?(\\s*\\(|\\s+(?:by|without)\\s*\\([^)]*\\)\\s*\\()?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PromSelectors() {
    }

    record Matcher_(String label, String op, String value) {
        boolean test(Map<String, String> labels) {
            String v = labels.getOrDefault(label, "");
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> v.matches(value);
                default -> !v.matches(value);
            };
        }
    }

    record Selector(String metric, List<Matcher_> matchers) {
        boolean matches(Sample s) {
            return s.metric().equals(metric) && matchers.stream().allMatch(m -> m.test(s.labels()));
        }

        @Override
        public String toString() {
            return metric + matchers.stream().map(m -> m.label() + m.op() + "\"" + m.value() + "\"").toList();
        }
    }

    record Sample(String metric, Map<String, String> labels, double value) {
    }

    static List<Selector> of(String expr) {
        List<Selector> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(expr);
        while (m.find()) {
            String name = m.group(1);
            if (name == null || m.group(4) != null || KEYWORDS.contains(name.toLowerCase())) {
                continue; // a string, a range, a grouping clause, a function call or a keyword
            }
            List<Matcher_> matchers = new ArrayList<>();
            if (m.group(3) != null) {
                Matcher lm = MATCHER.matcher(m.group(3));
                while (lm.find()) {
                    if (!lm.group(1).equals("job")) {
                        matchers.add(new Matcher_(lm.group(1), lm.group(2), lm.group(3)));
                    }
                }
            }
            out.add(new Selector(name, matchers));
        }
        return out;
    }

    static List<Sample> samples(String scrape) {
        List<Sample> out = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher lm = LABEL.matcher(m.group(2));
                while (lm.find()) {
                    labels.put(lm.group(1), lm.group(2));
                }
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return out;
    }
}
