package dev.replyclock.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Decoding the message contract: 1,000 records shaped like the bench's traffic (about 300 bytes, texts of
 * 40-400 characters with accents), decoded and validated into the record.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="-prof gc MessageCodecBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MessageCodecBenchmark {

    static final int RECORDS = 1_000;

    private final MessageCodec codec = new MessageCodec(Clock.systemUTC());
    private byte[][] records;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(42);
        String[] texts = {"Mon colis est arrivé cassé, le vase est en morceaux. Je veux un remboursement.",
            "Hello, do you have the linen shirt in size M and in navy blue?",
            "Quels sont vos horaires d'ouverture le samedi à la boutique de Nantes ?"};
        records = new byte[RECORDS][];
        Instant now = Instant.now();
        for (int i = 0; i < RECORDS; i++) {
            StringBuilder text = new StringBuilder(texts[i % texts.length]);
            int target = 40 + random.nextInt(361);
            while (text.length() < target) {
                text.append(" Merci d'avance pour votre aide et bonne journée.");
            }
            records[i] = ("{\"messageId\":\"bm-" + i + "\",\"conversationId\":\"bench-" + random.nextInt(100_000)
                    + "\",\"direction\":\"inbound\",\"channel\":\"whatsapp\",\"from\":\"bench\",\"text\":\"" + text
                    + "\",\"sentAt\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int decode() {
        int valid = 0;
        for (byte[] r : records) {
            if (codec.decode(r) instanceof DecodeResult.Valid) {
                valid++;
            }
        }
        return valid;
    }
}
