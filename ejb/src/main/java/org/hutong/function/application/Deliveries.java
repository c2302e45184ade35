package org.hutong.function.application;

import jakarta.ejb.Local;

/** Delivers what leaves the hub over HTTPS: commands to products' callbacks, ended invocations to callers. */
@Local
public interface Deliveries {

    /** One round: every due command and callback is tried once; returns how many were tried. */
    int deliverDue();
}
