package org.hutong.shared.application;

/** What to say about a failure in a log line or a parked message's reason. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause, as {@code SimpleName: message}: the reason, without the layers that wrapped it. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
