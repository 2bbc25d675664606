package dev.replyclock.classify;

import java.nio.file.Files;
import java.nio.file.Path;

/** STUB until the real classifier lands. */
public final class SignalRules {
    public static SignalRules builtIn() {
        return new SignalRules();
    }

    public static SignalRules load(Path path) throws RulesException {
        if (!Files.isReadable(path)) {
            throw new RulesException(path + ": cannot read the rules file");
        }
        return new SignalRules();
    }
}
