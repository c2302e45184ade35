package org.hutong.exchange.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Keeps the server configuration honest: every value is a variable, every variable has a default. */
class ServerConfigurationTest {

    private static final Path CONFIG = Path.of("src/main/liberty/config");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    // Provided by Liberty itself, the environment, or bootstrap.properties.
    private static final Set<String> BUILT_IN = Set.of("server.config.dir", "shared.resource.dir",
            "server.output.dir", "wlp.user.dir", "wlp.install.dir", "hutong.identity",
            "hutong.transport");

    private static final Map<Path, Document> documents = new HashMap<>();

    @BeforeAll
    static void parse() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        try (Stream<Path> files = Files.walk(CONFIG)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                documents.put(file, factory.newDocumentBuilder().parse(file.toFile()));
            }
        }
    }

    @Test
    void everyReferencedVariableHasADefault() {
        Set<String> defined = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (Document document : documents.values()) {
            for (Element variable : elements(document, "variable")) {
                assertThat(variable.hasAttribute("defaultValue"))
                        .as("variable %s has a development default", variable.getAttribute("name")).isTrue();
                defined.add(variable.getAttribute("name"));
            }
            for (Element element : elements(document, "*")) {
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    collect(attributes.item(i).getNodeValue(), referenced);
                }
                if (element.getChildNodes().getLength() == 1) {
                    collect(element.getTextContent(), referenced);
                }
            }
        }
        referenced.removeIf(name -> BUILT_IN.contains(name) || name.startsWith("env."));
        assertThat(defined).containsAll(referenced);
    }

    @Test
    void credentialsAndEndpointsAreVariables() {
        for (Document document : documents.values()) {
            for (Element element : elements(document, "*")) {
                for (String attribute : List.of("password", "keysPassword", "host", "httpPort", "httpsPort",
                        "serverName", "portNumber", "user", "userName", "connectionParameters")) {
                    // httpPort -1: the production profile has no plain HTTP listener at all.
                    if (element.hasAttribute(attribute) && !(attribute.equals("httpPort")
                            && element.getAttribute(attribute).equals("-1"))) {
                        assertThat(element.getAttribute(attribute))
                                .as("%s on <%s>", attribute, element.getTagName()).startsWith("${");
                    }
                }
            }
        }
    }

    @Test
    void everyIncludeExistsForEveryChoice() throws IOException {
        // Every value of each bootstrap property that selects an include.
        Map<String, List<String>> choices = Map.of("${hutong.identity}", List.of("basic", "ldap"),
                "${hutong.transport}", List.of("development", "production"));
        for (Document document : documents.values()) {
            for (Element include : elements(document, "include")) {
                String location = include.getAttribute("location").replace("${server.config.dir}/", "");
                String property = choices.keySet().stream().filter(location::contains).findFirst().orElse(null);
                for (String value : property == null ? List.of("") : choices.get(property)) {
                    assertThat(CONFIG.resolve(property == null ? location : location.replace(property, value))).exists();
                }
            }
        }
    }

    @Test
    void theDatabaseIsAOnePhasePostgreSqlDataSource() {
        Element dataSource = single("includes/datasource.xml", "dataSource");
        assertThat(dataSource.getAttribute("jndiName")).isEqualTo("jdbc/hutong");
        // Nothing commits database rows and broker messages together: no XA, nothing in doubt after a crash.
        assertThat(dataSource.getAttribute("type")).isEqualTo("javax.sql.ConnectionPoolDataSource");
        assertThat(dataSource.getElementsByTagName("properties.postgresql").getLength()).isEqualTo(1);
        // Batched inserts (stored information, outbox rows) travel as multi-row statements.
        assertThat(((Element) dataSource.getElementsByTagName("properties.postgresql").item(0))
                .getAttribute("reWriteBatchedInserts")).isEqualTo("true");
    }

    @Test
    void theServerCachesNoSubjectPerRequest() {
        // HubAuthenticationMechanism checks every request; the cache would only sign an LTPA token for each.
        assertThat(single("includes/security.xml", "authentication").getAttribute("cacheEnabled")).isEqualTo("false");
    }

    @Test
    void noQueueIsConsumedThroughTheResourceAdapter() {
        // Every queue is consumed in batches in local JMS transactions (BatchConsumers): an activation
        // spec would bring back an XA transaction per message.
        Document messaging = documents.get(CONFIG.resolve("includes/messaging.xml"));
        assertThat(elements(messaging, "jmsActivationSpec")).isEmpty();
        assertThat(elements(messaging, "variable")).extracting(v -> v.getAttribute("name"))
                .contains("hutong.results.consumers", "hutong.broker.max.delivery.attempts")
                .doesNotContain("hutong.results.sessions", "hutong.ingress.max.delivery.attempts");
    }

    @Test
    void theProductionProfileServesHttpsOnlyWithModernTls() {
        Element production = single("includes/transport-production.xml", "httpEndpoint");
        assertThat(production.getAttribute("httpPort")).as("no plain HTTP listener").isEqualTo("-1");
        assertThat(production.getElementsByTagName("headers").item(0).getAttributes().getNamedItem("add").getNodeValue())
                .startsWith("Strict-Transport-Security:");
        Element keyStore = single("includes/transport-production.xml", "keyStore");
        assertThat(keyStore.getAttribute("location")).isEqualTo("${hutong.keystore.location}");
        assertThat(keyStore.getAttribute("password")).isEqualTo("${hutong.keystore.password}");

        Element tls = single("includes/security.xml", "ssl");
        assertThat(tls.getAttribute("sslProtocol").split(",")).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(tls.getAttribute("clientAuthenticationSupported")).isEqualTo("true");
        assertThat(elements(documents.get(CONFIG.resolve("includes/transport-development.xml")), "variable").stream()
                .filter(variable -> variable.getAttribute("name").equals("hutong.http.host")).findFirst().orElseThrow()
                .getAttribute("defaultValue")).as("development listens on loopback only").isEqualTo("127.0.0.1");
    }

    private static Element single(String file, String tag) {
        List<Element> found = elements(documents.get(CONFIG.resolve(file)), tag);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static void collect(String value, Set<String> names) {
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
