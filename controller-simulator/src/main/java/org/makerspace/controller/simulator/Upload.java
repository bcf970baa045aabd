package org.makerspace.controller.simulator;

/**
 * What one upload of the queue did.
 *
 * @param decisionsRecorded  offline decisions the server logged now
 * @param decisionsDuplicate offline decisions it already had (sent before, the acknowledgement lost)
 * @param sessionReports     session starts and ends it acknowledged (a repeat is acknowledged and recorded once)
 * @param rejected           reports it refused for good, set aside in {@code rejected/}
 * @param remaining          reports still queued: the server went away during the upload, or never answered
 */
public record Upload(int decisionsRecorded, int decisionsDuplicate, int sessionReports, int rejected,
                     int remaining) {

    Upload plus(Upload other) {
        return new Upload(decisionsRecorded + other.decisionsRecorded, decisionsDuplicate + other.decisionsDuplicate,
                          sessionReports + other.sessionReports, rejected + other.rejected, other.remaining);
    }
}
