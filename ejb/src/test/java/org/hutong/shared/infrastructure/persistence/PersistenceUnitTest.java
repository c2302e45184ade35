package org.hutong.shared.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The persistence unit's settings that the data path's throughput depends on (figures: README, Benchmarks). */
class PersistenceUnitTest {

    private static final Map<String, String> PROPERTIES = new HashMap<>();

    @BeforeAll
    static void readPersistenceXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            NodeList properties = factory.newDocumentBuilder().parse(xml).getElementsByTagName("property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element property = (Element) properties.item(i);
                PROPERTIES.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
    }

    @Test
    void threadsWaitingForAnEclipseLinkLockSleepInsteadOfSpinning() {
        // 0 (EclipseLink's default) turns ConcurrencyManager.acquire into a busy loop of Condition.await(0 ms).
        assertThat(PROPERTIES.get("eclipselink.concurrency.manager.waittime")).isNotNull()
                .satisfies(waitTime -> assertThat(Long.parseLong(waitTime)).isPositive());
    }

    @Test
    void insertsOfOneFlushGoAsOneJdbcBatch() {
        assertThat(PROPERTIES).containsEntry("eclipselink.jdbc.batch-writing", "JDBC");
        assertThat(Integer.parseInt(PROPERTIES.get("eclipselink.jdbc.batch-writing.size"))).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aSequenceValueIsTheFirstOfTheBlockItHandsOut() {
        // The migrations' sequences (V4, V5) step by the block size; EclipseLink must count up from nextval.
        assertThat(PROPERTIES).containsEntry("eclipselink.sequencing.start-sequence-at-nextval", "true");
    }
}
