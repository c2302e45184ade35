package org.hutong.function.domain.playbook;

import java.util.Arrays;
import java.util.Optional;

/** The CACAO 2.0 workflow step types the hub runs; the others are refused with the reason. */
public enum StepType {
    START("start"),
    END("end"),
    ACTION("action"),
    PARALLEL("parallel"),
    IF_CONDITION("if-condition");

    private final String wireName;

    StepType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<StepType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
