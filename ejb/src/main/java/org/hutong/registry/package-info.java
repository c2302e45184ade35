/**
 * The product registry: the security products (firewalls, IDS, EDR, scanners, threat
 * intelligence, SOC tools) that join the hub, their GB/T 25066 category, the functions they
 * provide and the information types they publish and subscribe to.
 */
package org.hutong.registry;
