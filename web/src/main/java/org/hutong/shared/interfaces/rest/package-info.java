/** The REST application root ({@code /api/v1}) and the one problem+json error contract. */
package org.hutong.shared.interfaces.rest;
