/**
 * Linkage rules (GB/T 44886.1 Annex A): a trigger that stored information may match, and the function
 * invocation it then asks for, with arguments taken from that information by JSON Pointer. The
 * domain knows how a rule reads, matches and fills in its arguments; deciding whether a match acts
 * (de-duplication, rate, the producer's own products) is the application's, with the firings stored.
 */
package org.hutong.function.domain.rule;
