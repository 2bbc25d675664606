package dev.replyclock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.classify.Classification;
import dev.replyclock.classify.Classifier;
import dev.replyclock.classify.RulesException;
import dev.replyclock.classify.SignalRules;
import dev.replyclock.model.AlertJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Reads JSONL (objects with at least \"text\") on stdin and writes each object back with",
                "\"tier\" (complaint|urgent|standard) and \"signals\" (what matched) added, in order.",
                "A line that is not usable gets {\"line\": N, \"error\": \"...\"} and the rest continue."})
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "FILE", description = "a signal rules file (default: the built-in rules)")
    Path rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Classifier classifier;
        try {
            classifier = rules == null ? Classifier.builtIn() : Classifier.fromRules(SignalRules.load(rules));
        } catch (RulesException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.EXIT_INVALID;
        }
        ObjectMapper mapper = JsonMapper.builder().build();
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            out.println(classifyLine(mapper, classifier, line, lineNo));
        }
        out.flush();
        return 0;
    }

    static String classifyLine(ObjectMapper mapper, Classifier classifier, String line, int lineNo) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return error(mapper, lineNo, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(mapper, lineNo, "not a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return error(mapper, lineNo, "missing string field 'text'");
        }
        Classification c = classifier.classify(text.asText());
        ObjectNode o = (ObjectNode) node;
        o.put("tier", c.tier().wireName());
        o.set("signals", AlertJson.signalsNode(c.signals()));
        return o.toString();
    }

    private static String error(ObjectMapper mapper, int lineNo, String message) {
        return mapper.createObjectNode().put("line", lineNo).put("error", message).toString();
    }
}
