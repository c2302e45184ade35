/** The registry's REST interface: {@code /api/v1/products}. */
package org.hutong.registry.interfaces.rest;
