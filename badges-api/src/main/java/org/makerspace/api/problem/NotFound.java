package org.makerspace.api.problem;

/**
 * A read-side miss: the thing a request names does not exist, or the caller may not know that it does. Answered as
 * 404 {@code not-found} with this message as detail, so the message names what was looked for and nothing more.
 */
public class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String detail) {
        super(detail);
    }

    /** {@code NotFound.of("machine", "laser-1")} reads "no machine 'laser-1'". */
    public static NotFound of(String kind, Object id) {
        return new NotFound("no " + kind + " '" + id + "'");
    }
}
