package dev.replyclock.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a secret in a config problem's value, since problems go to stderr, the log and the
 * {@code /-/reload} answer: the value of an unknown {@code REPLYCLOCK_*} variable, of a key named like a
 * secret, a secret pasted where a {@code *-file} path belongs, a URL's credentials, path and query (the
 * path is the secret of a Slack webhook, the query of a Teams one; a template's path, with its
 * placeholders, stays with its query values masked), and anything shaped like a random token. What stays shows enough to find the line: the URL's scheme and
 * host, the length of a hidden value.
 */
final class SecretMask {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|api-?key|credential).*");
    /** scheme://, optional user:password@, host[:port], then the rest up to a space, quote or comma. */
    private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s?#@'\",]*@)?([^/\\s?#'\",]*)([^\\s'\",]*)");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)[^&#]*");
    /** Base64, hex or a long mixed-case alphanumeric run: what random tokens look like, not names or paths. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    private SecretMask() {
    }

    static String mask(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String field = key.substring(key.lastIndexOf('.') + 1);
        if (key.startsWith(ConfigLoader.ENV_PREFIX) || (SECRET_NAME.matcher(field).matches() && !field.endsWith("-file"))) {
            return hidden(value);
        }
        if (field.endsWith("-file") && !looksLikePath(value)) {
            return hidden(value); // the secret itself where its file's path belongs
        }
        String urls = maskUrls(value);
        return TOKEN.matcher(urls).matches() && randomLooking(urls) ? hidden(value) : urls;
    }

    /**
     * A template's path ({@code alerts.link-template}) and an S3 prefix are no secrets, and are what their
     * problems are about: they stay.
     */
    private static String maskUrls(String value) {
        Matcher m = URL.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String rest = m.group(4);
            String masked = rest.contains("{") || m.group(1).equalsIgnoreCase("s3://") ? QUERY_VALUE.matcher(rest).replaceAll("$1***")
                    : rest.isEmpty() || rest.equals("/") ? rest : "/***";
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + (m.group(2) == null ? "" : "***@") + m.group(3) + masked));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static boolean looksLikePath(String value) {
        if (value.contains("/") || value.contains("\\") || value.length() < 16 || value.matches(".*\\.[A-Za-z0-9]{1,6}")) {
            return true;
        }
        try {
            return Files.exists(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Upper case, lower case and digits together: a generated token, not a name like replyclock-prod-eu-west. */
    private static boolean randomLooking(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(Character::isDigit);
    }

    private static String hidden(String value) {
        return "*** (" + value.length() + " characters, hidden)";
    }
}
