package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed receiver stops start-up with its key; a good one keeps its settings. */
class ReceiverConfigTest {

    @Test
    void eachReceiverTypeKeepsItsSettings(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("hook.secret");
        Files.writeString(secret, "whsec_MDEyMzQ1Njc4OWFiY2RlZg==");
        Path key = dir.resolve("pd.key");
        Files.writeString(key, "R0UTINGKEY");
        ReplyclockConfig c = ConfigLoader.parse("alerts.receivers:\n"
                + "  - {name: hook, type: webhook, url: 'https://hooks.example.com/x', secret-file: '" + secret + "'}\n"
                + "  - {name: pd, type: pagerduty, routing-key-file: '" + key + "'}\n"
                + "  - {name: leads, type: email, host: smtp.example.com, from: rc@example.com, to: [a@example.com, b@example.com]}\n",
                "test", Map.of(), Map.of());
        assertEquals(3, c.receivers().size());
        assertEquals("a@example.com,b@example.com", c.receivers().get(2).get("to", ""));
    }

    @Test
    void malformedReceiversNameTheirKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.secret");
        Files.writeString(bad, "not-a-whsec");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("alerts.receivers:\n"
                + "  - {name: hook, type: webhook, url: 'ftp://x', secret-file: '" + bad + "'}\n"
                + "  - {name: slack, type: slack}\n"
                + "  - {name: sms, type: sms, url: 'https://sms.example.com', account: A, auth-token-file: '"
                + dir.resolve("missing") + "', from: '+33700000000', to: '0612'}\n"
                + "  - {name: pager, type: pagerdooty}\n"
                + "  - {name: mail, type: email, host: h, from: rc@example.com, to: a@example.com, colour: red}\n",
                "test", Map.of(), Map.of()));
        String all = e.getMessage();
        assertTrue(all.contains("alerts.receivers[0].url = 'ftp://x': use an http(s) URL"), all);
        assertTrue(all.contains("alerts.receivers[0].secret-file"), all);
        assertTrue(all.contains("whsec_"), all);
        assertTrue(all.contains("alerts.receivers[1].url = (missing): a slack receiver needs it"), all);
        assertTrue(all.contains("alerts.receivers[2].auth-token-file"), all);
        assertTrue(all.contains("alerts.receivers[2].to = '0612': use an E.164 phone number"), all);
        assertTrue(all.contains("alerts.receivers[3].type = 'pagerdooty'"), all);
        assertTrue(all.contains("alerts.receivers[4].colour = 'red': unknown field"), all);
    }
}
