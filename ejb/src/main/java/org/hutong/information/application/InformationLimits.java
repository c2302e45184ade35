package org.hutong.information.application;

/**
 * Size limits of inbound information, configurable as Liberty variables
 * {@code hutong.information.max.envelope.bytes} and {@code hutong.information.max.batch.items}.
 *
 * @param maxEnvelopeBytes largest envelope, in UTF-8 bytes (default 1 MiB)
 * @param maxBatchItems most envelopes in one batch (default 1000)
 */
public record InformationLimits(int maxEnvelopeBytes, int maxBatchItems) {

    public static final InformationLimits DEFAULTS = new InformationLimits(1024 * 1024, 1000);

    public InformationLimits {
        if (maxEnvelopeBytes < 1024 || maxBatchItems < 1) {
            throw new IllegalArgumentException("limits too small: " + maxEnvelopeBytes + " bytes, " + maxBatchItems + " items");
        }
    }
}
