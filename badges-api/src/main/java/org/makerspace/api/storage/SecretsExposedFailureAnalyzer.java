package org.makerspace.api.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a start refused for exposed secrets as Spring Boot shows a port already in use: what is wrong and what to do,
 * without the stack trace an operator would have to read through to find the path.
 */
class SecretsExposedFailureAnalyzer extends AbstractFailureAnalyzer<SecretsExposed> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsExposed cause) {
        return new FailureAnalysis(cause.exposure(), cause.fix(), cause);
    }
}
