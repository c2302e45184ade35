/** What authenticated products may do, read from their registrations. */
package org.hutong.security.application;
