package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.SigningKey;

/**
 * The release profile's wiring: the command content/pom.xml's {@code release} profile runs, read from the pom
 * itself and run with the values a build would give it. A release that forgot to pass its keys and addresses
 * (only the development defaults of the poms) is refused; one that passes production values is not.
 */
class ReleaseProfileTest {
    static final Path CONTENT = Path.of("").toAbsolutePath();
    static final Path ROOT = CONTENT.getParent();

    @TempDir
    Path temp;

    /** The arguments after the main class of the release-check execution, as written in the pom. */
    static List<String> releaseCheckArguments() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(CONTENT.resolve("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!text(profile, "id").equals("release")) {
                continue;
            }
            NodeList executions = profile.getElementsByTagName("execution");
            for (int j = 0; j < executions.getLength(); j++) {
                Element execution = (Element) executions.item(j);
                if (!text(execution, "id").equals("release-check")) {
                    continue;
                }
                assertEquals("compile", text(execution, "phase"), "the check runs before the snapshot is built");
                List<String> arguments = new ArrayList<>();
                NodeList nodes = execution.getElementsByTagName("argument");
                for (int k = 0; k < nodes.getLength(); k++) {
                    arguments.add(nodes.item(k).getTextContent().strip());
                }
                int main = arguments.indexOf(Main.class.getName());
                assertTrue(main >= 0, "the execution runs " + Main.class.getName());
                return arguments.subList(main + 1, arguments.size());
            }
        }
        throw new AssertionError("content/pom.xml has no release profile with a release-check execution");
    }

    private static String text(Element element, String child) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    /** The properties a pom declares, with ${project.basedir} and ${project.parent.basedir} resolved. */
    static Map<String, String> properties(Path module) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(module.resolve("pom.xml").toFile());
        Map<String, String> properties = new HashMap<>();
        Node block = pom.getDocumentElement().getElementsByTagName("properties").item(0);
        for (Node node = block.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().strip()
                        .replace("${project.basedir}", module.toString())
                        .replace("${project.parent.basedir}", ROOT.toString()));
            }
        }
        return properties;
    }

    /** Maven's substitution: a property nobody set stays as it is written. */
    static String[] resolve(List<String> arguments, Map<String, String> properties) {
        Pattern property = Pattern.compile("\\$\\{([^}]+)}");
        return arguments.stream().map(argument -> {
            Matcher m = property.matcher(argument);
            StringBuilder resolved = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(resolved, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
            }
            return m.appendTail(resolved).toString();
        }).toArray(String[]::new);
    }

    record Run(int exit, String err) {}

    static Run run(String[] args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aReleaseBuildWithOnlyTheDevelopmentDefaultsIsRefused() throws Exception {
        Map<String, String> defaults = new HashMap<>(properties(ROOT.resolve("app")));
        defaults.putAll(properties(CONTENT));

        Run run = run(resolve(releaseCheckArguments(), defaults));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("DEVELOPMENT_KEY_TRUSTED: " + FeedKeys.DEVELOPMENT_KEY_ID.substring(0, 16)),
                run.err());
        assertTrue(run.err().contains("DEVELOPMENT_KEY_SIGNS_SNAPSHOT"), run.err());
        assertTrue(run.err().contains("NO_ROOT_KEY"), run.err());
        assertTrue(run.err().contains("PLACEHOLDER_ADDRESS: app.download.url (http://127.0.0.1:8080/get-the-app"),
                run.err());
    }

    @Test
    void aReleaseBuildOfTheContentModuleAloneWithNothingPassedIsRefused() throws Exception {
        Run run = run(resolve(releaseCheckArguments(), properties(CONTENT)));

        assertEquals(1, run.exit(), run.err());
        for (String property : List.of("feed.trusted.keys.dir", "feed.url", "questions.url", "app.download.url")) {
            assertTrue(run.err().contains("NOT_SET: " + property), run.err());
        }
        assertTrue(run.err().contains("DEVELOPMENT_KEY_SIGNS_SNAPSHOT"), run.err());
    }

    @Test
    void aReleaseBuildGivenProductionKeysAndAddressesPasses() throws Exception {
        SigningKey signing = TestKeys.derived("production signing");
        SigningKey root = TestKeys.derived("production root");
        Path keys = Files.createDirectories(temp.resolve("keys"));
        Files.writeString(keys.resolve("public.key"), FeedKeys.writePublicKeyFile(List.of(signing.publicKey())));
        Files.writeString(keys.resolve("root.key"), FeedKeys.writePublicKeyFile(List.of(root.publicKey())));
        Path privateKey = temp.resolve("private.key");
        Files.writeString(privateKey, FeedKeys.writePrivateKeyFile(signing));
        Map<String, String> passed = new HashMap<>(properties(CONTENT));
        passed.put("feed.trusted.keys.dir", keys.toString());
        passed.put("feed.signing.key", privateKey.toString());
        passed.put("feed.url", "https://guide.release-test.tj/feed/");
        passed.put("questions.url", "https://inbox.release-test.tj/");
        passed.put("app.download.url", "https://guide.release-test.tj/get-the-app");

        Run run = run(resolve(releaseCheckArguments(), passed));

        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("refused"), run.err());
    }
}
