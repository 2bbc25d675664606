package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.alert.ReceiverType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** config/replyclock.yaml is the one source of defaults: every key it documents is read, and only those. */
class DefaultsConfigTest {

    @Test
    void theKeysAreTheDocumentedFilesKeys() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(Files.readString(Path.of("config/replyclock.yaml")));
        Set<String> documented = new TreeSet<>();
        yaml.fieldNames().forEachRemaining(documented::add);
        assertEquals(documented, new TreeSet<>(ConfigLoader.keys()));
    }

    /** A key read by the code without a default stops every parse; one documented but never read is dead. */
    @Test
    void everyDocumentedKeyIsReadAndEveryReadKeyIsDocumented() throws Exception {
        // An s3 archive target makes the privacy section read its s3.* keys too.
        String yaml = "privacy.archive.target: s3://replyclock-archive/eu\n";
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigValues values = new ConfigValues(ConfigLayers.merge(yaml, "test", Map.of(), Map.of(), problems), problems);
        ConfigLoader.build(values);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(new TreeSet<>(ConfigLoader.keys()), new TreeSet<>(values.keysRead()));
    }

    @Test
    void everyReceiverTypeIsDocumentedWithAnExample() throws Exception {
        String yaml = Files.readString(Path.of("config/replyclock.yaml"));
        for (ReceiverType type : ReceiverType.values()) {
            assertTrue(yaml.contains("type: " + type.wireName()), type.wireName());
        }
    }

    @Test
    void anEmptyFileIsTheDefaultsAndTheBuiltInConfigIsTheSame() throws Exception {
        assertEquals(ConfigLoader.builtIn(Map.of()).kafka(), ConfigLoader.parse("", "empty", Map.of(), Map.of()).kafka());
        assertEquals(ConfigLoader.builtIn(Map.of()).receivers(),
                ConfigLoader.parse("", "empty", Map.of(), Map.of()).receivers());
    }
}
