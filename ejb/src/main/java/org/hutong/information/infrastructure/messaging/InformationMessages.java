package org.hutong.information.infrastructure.messaging;

/** The JMS contract of information messages: resource names and message properties. */
public final class InformationMessages {

    public static final String PROPERTY_TYPE = "hutong_type";
    public static final String PROPERTY_PRODUCER = "hutong_producer";
    public static final String PROPERTY_HUB_ID = "hutong_hub_id";
    /** Integer 1 (lowest) .. 4 (highest), see {@code Classification}. */
    public static final String PROPERTY_SEVERITY = "hutong_severity";
    public static final String PROPERTY_CATEGORY = "hutong_category";
    public static final String PROPERTY_ERROR = "hutong_error";
    public static final String PROPERTY_VIOLATIONS = "hutong_violations";

    private InformationMessages() {
    }
}
