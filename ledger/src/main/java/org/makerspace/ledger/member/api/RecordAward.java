package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;

/**
 * Records that the member earned an achievement, as the award decisions found from the member's facts. Sent by the
 * application itself, never by a person; sending it again, or for an achievement the member already holds, records
 * nothing, so that the decisions can be redone after a crash without awarding twice.
 */
public record RecordAward(@TargetAggregateIdentifier MemberId memberId, AwardId awardId, AchievementId achievementId,
                          int achievementVersion, LabId labId, Instant awardedAt, List<AwardEvidence> evidence) {
}
