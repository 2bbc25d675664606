package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents point at what exists: every relative Markdown link and every repository path written in
 * code spans (`docs/...`, `config/...`, `deploy/...`, `src/...`) in the README and docs/ resolves, so a
 * newcomer never follows a dead reference after a file moves.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern PATH = Pattern.compile("`((?:\\.\\./shared/|docs/|config/|deploy/|src/|\\.ci/)[A-Za-z0-9_./-]+)`");

    @Test
    void everyRelativeLinkAndPathInTheDocsResolves() throws IOException {
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            for (Pattern p : new Pattern[] {LINK, PATH}) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")) {
                        continue;
                    }
                    checked++;
                    Path resolved = doc.toAbsolutePath().getParent().resolve(target).normalize();
                    if (!Files.exists(resolved) && !Files.exists(Path.of(target))) {
                        dead.add(doc + ": " + target);
                    }
                }
            }
        }
        assertTrue(checked > 10, "the check reads the documents (found " + checked + " references)");
        assertEquals(List.of(), dead, "dead references in the documents");
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("deploy/README.md")));
        try (Stream<Path> s = Files.walk(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }
}
