package dev.replyclock.config;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.replyclock.model.DurationParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-type checks of a receiver's settings, so that a malformed receiver stops start-up with its key. */
final class ReceiverChecks {

    private ReceiverChecks() {
    }

    static void check(String type, String at, Map<String, String> s, List<ConfigProblem> problems) {
        if (s.containsKey("url")) {
            try {
                URI u = URI.create(s.get("url"));
                if (!Set.of("http", "https").contains(String.valueOf(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(at + ".url", s.get("url"), "use an http(s) URL like https://hooks.example.com/x"));
            }
        }
        if (s.containsKey("timeout") && DurationParser.parse(s.get("timeout")).isEmpty()) {
            problems.add(new ConfigProblem(at + ".timeout", s.get("timeout"), "use " + DurationParser.FORMAT));
        }
        if (s.containsKey("language") && !Set.of("en", "fr").contains(s.get("language"))) {
            problems.add(new ConfigProblem(at + ".language", s.get("language"), "use en or fr"));
        }
        for (String key : List.of("secret-file", "routing-key-file", "password-file", "auth-token-file")) {
            if (s.containsKey(key) && !Files.isReadable(Path.of(s.get(key)))) {
                problems.add(new ConfigProblem(at + "." + key, s.get(key), "the file cannot be read"));
            }
        }
        if (type.equals("webhook") && s.containsKey("secret-file") && Files.isReadable(Path.of(s.get("secret-file")))) {
            try {
                String secret = Files.readString(Path.of(s.get("secret-file"))).trim();
                if (!secret.startsWith("whsec_") || Base64.getDecoder().decode(secret.substring(6)).length < 16) {
                    throw new IllegalArgumentException();
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new ConfigProblem(at + ".secret-file", s.get("secret-file"),
                        "the file must hold a Standard Webhooks secret: whsec_ followed by base64 of 16+ random bytes"));
            }
        }
        if (type.equals("sms")) {
            for (String key : List.of("from", "to")) {
                for (String number : s.getOrDefault(key, "").split(",")) {
                    if (!number.isBlank() && !isE164(number.trim())) {
                        problems.add(new ConfigProblem(at + "." + key, number.trim(),
                                "use an E.164 phone number like +33612345678"));
                    }
                }
            }
        }
        if (type.equals("email")) {
            if (s.containsKey("port") && !s.get("port").matches("\\d{1,5}")) {
                problems.add(new ConfigProblem(at + ".port", s.get("port"), "use a port like 587"));
            }
            if (s.containsKey("starttls") && !Set.of("true", "false").contains(s.get("starttls"))) {
                problems.add(new ConfigProblem(at + ".starttls", s.get("starttls"), "use true or false"));
            }
            for (String address : (s.getOrDefault("from", "") + "," + s.getOrDefault("to", "")).split(",")) {
                if (!address.isBlank() && !address.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problems.add(new ConfigProblem(at + ".to", address.trim(), "use e-mail addresses like team@example.com"));
                }
            }
        }
        if (type.equals("log") && s.containsKey("format") && !Set.of("json", "text").contains(s.get("format"))) {
            problems.add(new ConfigProblem(at + ".format", s.get("format"), "use json (default) or text"));
        }
    }

    private static boolean isE164(String number) {
        if (!number.matches("\\+[1-9]\\d{6,14}")) {
            return false;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
