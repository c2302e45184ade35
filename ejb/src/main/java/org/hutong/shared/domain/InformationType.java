package org.hutong.shared.domain;

import java.util.Arrays;
import java.util.Optional;

/** The six interoperability information types of GB/T 44886.1, with their wire names. */
public enum InformationType {
    BEHAVIOR("behavior"),
    ALERT("alert"),
    ASSET("asset"),
    VULNERABILITY("vulnerability"),
    THREAT("threat"),
    INCIDENT("incident");

    /** Prefix of the multicast address each type is distributed on. */
    public static final String ADDRESS_PREFIX = "hutong.information.";

    private final String wireName;

    InformationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The multicast address subscribers of this type listen on, e.g. {@code hutong.information.alert}. */
    public String address() {
        return ADDRESS_PREFIX + wireName;
    }

    public static Optional<InformationType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
