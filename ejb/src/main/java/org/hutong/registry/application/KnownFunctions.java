package org.hutong.registry.application;

/**
 * The functions a product may declare it provides. The function context supplies it from its
 * catalog: the registry validates registrations without depending on that context.
 */
@FunctionalInterface
public interface KnownFunctions {

    boolean contains(String functionId);
}
