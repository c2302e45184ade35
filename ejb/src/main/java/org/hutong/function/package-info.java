/**
 * Interoperability functions (GB/T 44886.1 互联互通功能): identify, protect, monitor and
 * dispose — the function catalog, invocations, routing of commands to products and
 * correlation of their results. Commands leave on {@code hutong.function.<productId>};
 * results arrive on {@code hutong.function.results}.
 */
package org.hutong.function;
