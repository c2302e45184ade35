package org.hutong.information.application;

import java.util.List;

/**
 * One page of stateful records.
 *
 * @param items the records, in the order they were first stored
 * @param last the ordering key of the last record, where the next page starts after; 0 when empty
 */
public record RecordPage(List<RecordView> items, long last) {
}
