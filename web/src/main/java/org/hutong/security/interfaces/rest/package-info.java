/** What the hub publishes about itself to products: {@code /api/v1/hub/keys}, the key its commands are signed with. */
package org.hutong.security.interfaces.rest;
