/** The background worker that seals committed audit entries into the chain. */
package org.hutong.audit.infrastructure.sealing;
