/** Background work on container-managed threads: a loop with back-off and a wake-up on commit. */
package org.hutong.shared.infrastructure.work;
