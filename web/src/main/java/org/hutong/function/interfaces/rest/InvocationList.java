package org.hutong.function.interfaces.rest;

import java.util.List;
import org.hutong.function.application.InvocationView;

/**
 * A page of invocations, newest first.
 *
 * @param items the invocations
 * @param next the URI of the page of older ones, absent on the last page
 */
public record InvocationList(List<InvocationView> items, String next) {
}
