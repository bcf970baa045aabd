package org.makerspace.api.recognition.web;

import java.util.List;
import org.makerspace.api.problem.Problems;
import org.makerspace.projections.credential.ob3.Check;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A presented credential that is not imported: a 422 problem saying why, with the failed checks if any. */
final class ImportRefused extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private ImportRefused(String code, String detail, List<Check> checks) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(code, detail, checks), null);
    }

    private static ProblemDetail problem(String code, String detail, List<Check> checks) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, null);
        if (checks != null) {
            problem.setProperty("checks", checks);
        }
        return problem;
    }

    static ImportRefused notVerified(List<Check> checks) {
        List<String> failed = checks.stream().filter(check -> !check.ok()).map(Check::name).toList();
        return new ImportRefused("credential-not-verified",
                                 "only a credential that passes every check is imported; failed: "
                                 + String.join(", ", failed), checks);
    }

    static ImportRefused notPartner(String issuer, String labId) {
        return new ImportRefused("issuer-not-partner",
                                 "issuer " + issuer + " is not a partner of lab " + labId
                                 + ": the lab's admin declares its partners first", null);
    }

    static ImportRefused recipient(String code, String detail) {
        return new ImportRefused(code, detail, null);
    }

    static ImportRefused incomplete(String detail) {
        return new ImportRefused("credential-incomplete", detail, null);
    }
}
