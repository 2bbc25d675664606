package dev.replyclock.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code level} matcher of a route: {@code 2} (that rung only) or {@code ">=2"} (that rung and the ones
 * above it), so that later escalation rungs can page other people than the first ones.
 */
public record LevelMatch(boolean orAbove, int level) {

    private static final Pattern FORM = Pattern.compile("\\s*(>=)?\\s*(\\d{1,3})\\s*");

    /** Empty when the text is neither {@code N} nor {@code >=N} (N from 0 to 999). */
    public static Optional<LevelMatch> parse(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches() ? Optional.of(new LevelMatch(m.group(1) != null, Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public boolean test(int alertLevel) {
        return orAbove ? alertLevel >= level : alertLevel == level;
    }

    /** True when one of the matcher's values (as written in the config) holds for the level. */
    static boolean anyHolds(Iterable<String> values, int alertLevel) {
        for (String v : values) {
            if (parse(v).map(m -> m.test(alertLevel)).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
