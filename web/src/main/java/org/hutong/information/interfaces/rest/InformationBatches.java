package org.hutong.information.interfaces.rest;

/** Tells a batch (a JSON array) from a single envelope without parsing the body. */
final class InformationBatches {

    private InformationBatches() {
    }

    static boolean isBatch(String body) {
        if (body == null) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '[';
            }
        }
        return false;
    }
}
