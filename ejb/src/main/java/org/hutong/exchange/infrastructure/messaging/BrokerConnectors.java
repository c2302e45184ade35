package org.hutong.exchange.infrastructure.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code hutong.broker.connection}: connectors separated by ',', parameters by ';', each {@code name=value};
 * and {@code hutong.broker.connectors}: the connector factory class of each, comma-separated as the resource
 * adapter takes them (one class for every connector when only one is named).
 */
final class BrokerConnectors {

    private BrokerConnectors() {
    }

    static List<Map<String, Object>> parse(String connection) {
        List<Map<String, Object>> connectors = new ArrayList<>();
        for (String connector : connection.split(",")) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (String parameter : connector.split(";")) {
                if (parameter.isBlank()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("broker connection parameter '" + parameter.strip()
                            + "' is not name=value");
                }
                parameters.put(parameter.substring(0, equals).strip(), parameter.substring(equals + 1).strip());
            }
            if (!parameters.isEmpty()) {
                connectors.add(parameters);
            }
        }
        if (connectors.isEmpty()) {
            throw new IllegalArgumentException("the broker connection names no connector");
        }
        return connectors;
    }

    static List<String> factories(String factories, int connectors) {
        List<String> classes = new ArrayList<>();
        for (String factory : factories.split(",")) {
            if (!factory.isBlank()) {
                classes.add(factory.strip());
            }
        }
        if (classes.size() == 1) {
            return Collections.nCopies(connectors, classes.get(0));
        }
        if (classes.size() != connectors) {
            throw new IllegalArgumentException("the broker connection names " + connectors + " connectors but "
                    + classes.size() + " connector classes");
        }
        return classes;
    }
}
