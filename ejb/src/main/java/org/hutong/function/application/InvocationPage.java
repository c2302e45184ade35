package org.hutong.function.application;

import java.util.List;

/**
 * A page of invocations, newest first.
 *
 * @param items the invocations
 * @param last the ordering key of the last one, where the next page continues below; 0 when empty
 */
public record InvocationPage(List<InvocationView> items, long last) {
}
