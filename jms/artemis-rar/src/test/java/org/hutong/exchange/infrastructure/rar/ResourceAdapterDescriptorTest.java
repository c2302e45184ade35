package org.hutong.exchange.infrastructure.rar;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The RAR's descriptor is hand-written: these checks keep it consistent with the classes
 * it names and keep the settings that otherwise lose messages silently.
 */
class ResourceAdapterDescriptorTest {

    private static Document descriptor;

    @BeforeAll
    static void parse() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        descriptor = factory.newDocumentBuilder()
                .parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
    }

    @Test
    void everyClassNamedInTheDescriptorIsPackaged() throws Exception {
        for (String tag : List.of("resourceadapter-class", "managedconnectionfactory-class",
                "connectionfactory-impl-class", "connection-impl-class", "activationspec-class",
                "adminobject-class")) {
            for (String className : texts(descriptor.getDocumentElement(), tag)) {
                assertThat(Class.forName(className)).as(tag).isNotNull();
            }
        }
    }

    @Test
    void everyConfigPropertyIsAWritableBeanPropertyOfItsClass() throws Exception {
        assertSettersExist("resourceadapter", "resourceadapter-class");
        assertSettersExist("connection-definition", "managedconnectionfactory-class");
        assertSettersExist("adminobject", "adminobject-class");
    }

    @Test
    void outboundSessionsAreNeverLeftUncommittedOutsideJta() {
        Element definition = (Element) descriptor.getElementsByTagNameNS("*", "connection-definition").item(0);
        assertThat(configValue(definition, "InJtaTransaction")).isEqualTo("false");
        assertThat(texts(descriptor.getDocumentElement(), "transaction-support")).containsExactly("XATransaction");
    }

    private static void assertSettersExist(String ownerTag, String classTag) throws Exception {
        NodeList owners = descriptor.getElementsByTagNameNS("*", ownerTag);
        for (int i = 0; i < owners.getLength(); i++) {
            Element owner = (Element) owners.item(i);
            Class<?> type = Class.forName(texts(owner, classTag).get(0));
            // Liberty configures through JavaBeans write methods: a setter whose type differs
            // from its getter's is no write method, and Liberty fails with J2CA8500E.
            List<String> writable = Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                    .filter(descriptor -> descriptor.getWriteMethod() != null)
                    .map(descriptor -> descriptor.getName().toLowerCase(Locale.ROOT))
                    .toList();
            for (Element property : directChildren(owner, "config-property")) {
                String name = texts(property, "config-property-name").get(0);
                assertThat(writable).as("%s on %s", name, type.getSimpleName())
                        .contains(name.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String configValue(Element owner, String name) {
        for (Element property : directChildren(owner, "config-property")) {
            if (name.equals(texts(property, "config-property-name").get(0))) {
                return texts(property, "config-property-value").get(0);
            }
        }
        throw new AssertionError("no config-property " + name);
    }

    private static List<Element> directChildren(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && tag.equals(child.getLocalName())) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<String> texts(Element root, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }
}
