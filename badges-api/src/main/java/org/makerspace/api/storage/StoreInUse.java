package org.makerspace.api.storage;

/** Tells a start refused because another process has the embedded store open from any other failure. */
public final class StoreInUse {

    private StoreInUse() {
    }

    /** Whether this failure, or one of its causes, is the embedded store's file lock held by another process. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("locked") || message.contains("Locked")) {
                return true;
            }
        }
        return false;
    }
}
