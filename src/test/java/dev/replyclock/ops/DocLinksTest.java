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
 * newcomer never follows a dead reference after a file moves. A Markdown link resolves from the document's
 * own folder, as a browser follows it (from docs/X.md a repository file is `../config/...`); a path in a code
 * span is read from the repository root.
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
                    boolean fromRoot = p == PATH && Files.exists(Path.of(target));
                    if (!Files.exists(resolved) && !fromRoot) {
                        dead.add(doc + ": " + target);
                    }
                }
            }
        }
        assertTrue(checked > 10, "the check reads the documents (found " + checked + " references)");
        assertEquals(List.of(), dead, "dead references in the documents");
    }

    /**
     * The README is the front door (issue #17): what replyclock is, the quick start, a tour, the flow and where
     * to read more. Everything else lives in docs/, so the README stays short enough to read in one sitting.
     */
    @Test
    void theReadmeStaysAShortFrontDoorOfAtMost12000Characters() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int length = readme.codePointCount(0, readme.length());
        assertTrue(length <= 12_000, "README.md has " + length + " characters; at most 12,000: move the detail to docs/"
                + " and link it from \"Where to read more\"");
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("deploy/README.md")));
        try (Stream<Path> s = Files.walk(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }
}
