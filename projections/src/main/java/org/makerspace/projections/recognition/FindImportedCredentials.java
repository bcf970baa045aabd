package org.makerspace.projections.recognition;

import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;

/** Asks for the credentials a member imported; answered with {@link ImportedCredentials}, empty when none. */
public record FindImportedCredentials(MemberId memberId) {

    public FindImportedCredentials {
        Objects.requireNonNull(memberId, "memberId");
    }
}
