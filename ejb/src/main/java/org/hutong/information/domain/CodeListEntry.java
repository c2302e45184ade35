package org.hutong.information.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One entry of a code list.
 *
 * @param code the stable English slug used on the wire ({@code malware/ransomware})
 * @param name the Chinese name of the standard ({@code 勒索软件})
 * @param label an English label
 * @param parent the code of the parent entry in a tree-shaped list, or {@code null}
 * @param rank the order of severity where the list is graded (1 = most severe), or {@code null}
 */
@JsonbPropertyOrder({"code", "name", "label", "parent", "rank"})
public record CodeListEntry(String code, String name, String label, String parent, Integer rank) {
}
