package org.hutong.function.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four function types of GB/T 44886.1. */
public enum FunctionType {
    /** 识别: find assets, vulnerabilities, configuration weaknesses. */
    IDENTIFY,
    /** 防护: block, deploy policies, update signatures. */
    PROTECT,
    /** 监测: report alerts, collect behaviour, query status. */
    MONITOR,
    /** 处置: isolate hosts, kill processes, quarantine files, disable accounts. */
    DISPOSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FunctionType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }
}
