package dev.replyclock.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.format}: {@code text} (the default, for people at a terminal) or {@code json} (one JSON
 * object a line for log collectors, with the MDC's {@code conversationId} and {@code alertId} as fields).
 */
public final class LogFormat {

    private LogFormat() {
    }

    public static void apply(String format) {
        if (!"json".equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                LogstashEncoder json = new LogstashEncoder();
                json.setContext(context);
                json.start();
                console.stop();
                console.setEncoder(json);
                console.start();
            }
        }
    }
}
