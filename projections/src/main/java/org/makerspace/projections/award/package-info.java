/**
 * Achievement awards, decided and recorded in the ledger, then read.
 *
 * <p><b>Decisions.</b> {@link org.makerspace.projections.award.AwardDecisions} (processing group
 * {@code award-decisions}, one sequence) keeps each lab's achievement definitions and machines and each member's
 * countable facts, and when every criterion of an active achievement is met sends {@code RecordAward} to the member's
 * record through an {@link org.makerspace.projections.award.AwardRecorder}, which waits until the ledger has stored it.
 * The ledger records an award once per member and achievement ({@code AchievementAwarded}) and ignores a second
 * request, so the decisions are effectively-once: a crash between a decision and the processor's token is redone
 * after the restart and records nothing new, and nothing is lost, because the token moves only after the ledger
 * acknowledged. {@link org.makerspace.projections.award.AwardReconciliation} compares "criteria met" with "awarded"
 * once the decisions have caught up, and records what is missing.
 *
 * <p><b>When.</b> An award is dated at the business time its criteria became met, {@link
 * org.makerspace.projections.award.AwardRules}: the earliest moment at which the facts that happened by then meet
 * every criterion, whatever order the facts were recorded in.
 *
 * <p><b>Reading.</b> {@link org.makerspace.projections.award.AwardProjection} (processing group {@code award}) keeps
 * the awards the ledger recorded, for the member's awards and the passport; the issuance of their credentials reads
 * the same events in a processing group of its own. Each rebuilds from the ledger alone.
 */
package org.makerspace.projections.award;
