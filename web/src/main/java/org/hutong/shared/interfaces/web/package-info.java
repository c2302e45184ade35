/** The web module's own life cycle: telling the rest of the application that it has started. */
package org.hutong.shared.interfaces.web;
