package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The checks of one verification in a fixed order (signature, contexts, safe_mode, schema, validity, status,
 * issuer_trusted), the format that was presented ({@code ldp_vc} or {@code jwt_vc}) and the credential read from it,
 * null if it could not be read. Trust {@link #credential()} only when {@link #verified()}.
 */
public record VerificationReport(String format, List<Check> checks, ObjectNode credential) {

    public static final String JSON_LD = "ldp_vc";
    public static final String JWT = "jwt_vc";

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean verified() {
        return checks.stream().allMatch(Check::ok);
    }

    public Check check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no check named " + name));
    }

    /** The checks that failed, in order. */
    public List<Check> failures() {
        return checks.stream().filter(check -> !check.ok()).toList();
    }
}
