package dev.replyclock.cli;

import dev.replyclock.ingest.DecodeResult;
import dev.replyclock.ingest.MessageCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Produces JSONL messages (the message contract, one per line) keyed by conversationId.",
                "An invalid line is reported with its line number and skipped; the rest is sent.",
                "Exits 0 when every line was sent, 1 when some were skipped or failed."})
final class SendCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "support.messages", description = "topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", defaultValue = "-", description = "JSONL input (default: stdin)")
    String input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        MessageCodec codec = new MessageCodec();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        int sent = 0;
        int skipped = 0;
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        List<Integer> pendingLines = new ArrayList<>();
        try (BufferedReader in = open();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                     new ByteArraySerializer())) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                DecodeResult result = codec.decode(bytes);
                if (result instanceof DecodeResult.Invalid invalid) {
                    err.println("line " + lineNo + ": skipped: " + invalid.detail());
                    skipped++;
                    continue;
                }
                String key = ((DecodeResult.Valid) result).message().conversationId();
                pending.add(producer.send(new ProducerRecord<>(topic, key, bytes)));
                pendingLines.add(lineNo);
            }
            producer.flush();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    pending.get(i).get();
                    sent++;
                } catch (ExecutionException e) {
                    err.println("line " + pendingLines.get(i) + ": not sent: " + e.getCause().getMessage());
                    skipped++;
                }
            }
        }
        err.println("sent " + sent + " message(s) to " + topic + (skipped > 0 ? ", skipped " + skipped : ""));
        return skipped == 0 ? 0 : 1;
    }

    private BufferedReader open() throws IOException {
        if ("-".equals(input)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }
}
