package org.hutong.function.domain.playbook;

import java.util.Optional;

/**
 * A CACAO playbook variable ({@code __name__}): its type (open vocabulary, kept as given), its value
 * (CACAO values are strings; none means unknown), whether it is constant, and whether whoever starts a
 * run may supply it ({@code external}).
 */
public record Variable(String type, Optional<String> value, boolean constant, boolean external) {
}
