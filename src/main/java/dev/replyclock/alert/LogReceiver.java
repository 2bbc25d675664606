package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.TeamAlert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The {@code log} receiver: each alert as one line, to standard output ({@code path: "-"}) or appended to a
 * file; {@code json} (the alert's JSON, for tools) or {@code text} (for people watching a console). A group
 * is one line per alert. The excerpt is never written: logs hold no customer text.
 */
public final class LogReceiver implements Receiver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final String name;
    private final boolean text;
    private final Writer out;

    public LogReceiver(String name, String path, String format, PrintStream stdout) {
        this.name = name;
        this.text = "text".equals(format);
        try {
            if ("-".equals(path)) {
                this.out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
            } else {
                Path p = Path.of(path);
                if (p.getParent() != null) {
                    Files.createDirectories(p.getParent());
                }
                this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("receiver " + name + ": cannot open " + path, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(Alert alert) throws IOException {
        // A log is a log: the customer's excerpt (alerts.include-excerpt) is never written here.
        out.write(text ? describe(alert)
                : AlertJson.toLine(alert instanceof ConversationAlert c ? c.withExcerpt(null) : alert));
        out.write('\n');
        out.flush();
    }

    /** One readable line: what, which tier, which conversation, how long the customer has waited, why. */
    static String describe(Alert a) {
        StringBuilder b = new StringBuilder()
                .append(TIME.format(a.createdAt())).append("  ")
                .append(String.format("%-10s", a.kind().wireName().toUpperCase()))
                .append(a.level() > 0 ? " L" + a.level() : "   ")
                .append("  ").append(String.format("%-9s", a.tier().wireName()))
                .append("  ");
        if (a instanceof TeamAlert t) {
            b.append("team ").append(t.team()).append(", ").append(t.conversations().size()).append(" conversations")
                    .append("  deadline ").append(TIME.format(t.deadline()));
            return b.toString();
        }
        ConversationAlert c = (ConversationAlert) a;
        b.append(c.conversationId());
        if (c.openedAt() != null) {
            b.append("  waited ").append(human(Duration.between(c.openedAt(), c.createdAt())));
        }
        b.append("  deadline ").append(TIME.format(c.deadline()));
        if (!c.signals().isEmpty()) {
            b.append("  why: ").append(c.signals().stream()
                    .map(s -> s.family() + "(" + s.matched() + ")").distinct().collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s / 60 + "m" + String.format("%02ds", s % 60);
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // closing: nothing more to do with a broken output
        }
    }
}
