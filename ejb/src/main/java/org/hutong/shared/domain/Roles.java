package org.hutong.shared.domain;

/**
 * The roles of the function interfaces. Which directory or token groups grant them is server
 * configuration ({@code application-bnd} in liberty-config's security.xml).
 */
public final class Roles {

    /** Manages products and the server; reads everything. */
    public static final String ADMIN = "admin";
    /** Invokes functions and manages incidents; reads everything but the audit log. */
    public static final String OPERATOR = "operator";
    /** Reads everything, including the audit log; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** A registered security product, acting only as itself. */
    public static final String PRODUCT = "product";

    private Roles() {
    }
}
