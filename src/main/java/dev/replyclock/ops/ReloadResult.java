package dev.replyclock.ops;

import dev.replyclock.config.ConfigProblem;
import java.util.List;

/**
 * What a reload did: refused ({@code problems}), or done, with the changed keys it applied and the changed keys
 * that keep their running values until a restart ({@code needsRestart}, never reported as applied).
 */
public record ReloadResult(List<ConfigProblem> problems, List<String> applied, List<String> needsRestart) {

    public ReloadResult {
        problems = List.copyOf(problems);
        applied = List.copyOf(applied);
        needsRestart = List.copyOf(needsRestart);
    }

    public static ReloadResult refused(List<ConfigProblem> problems) {
        return new ReloadResult(problems, List.of(), List.of());
    }

    public boolean reloaded() {
        return problems.isEmpty();
    }
}
