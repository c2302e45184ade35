/** The function interface: the catalog ({@code /api/v1/functions}) and invocations ({@code /api/v1/invocations}). */
package org.hutong.function.interfaces.rest;
