package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops recognising a partner's credentials from {@code since}, for a reason. */
public record WithdrawPartnerTrust(@TargetAggregateIdentifier LabId labId, String partnerIssuerId, String reason,
                                   Instant since) {
}
