package org.makerspace.projections.passport;

import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;

/** Feeds a passport projection from tests of other packages, whose handlers they cannot call. */
public final class PassportDriver {

    private final PassportProjection projection;

    public PassportDriver(LedgerStorage storage) {
        this.projection = new PassportProjection(storage);
    }

    public PassportProjection passports() {
        return projection;
    }

    /** Applies the event if the passport reads it; others change nothing. */
    public void apply(Object event) {
        if (event instanceof MemberRegistered registered) {
            projection.on(registered);
        } else if (event instanceof MachineRegistered machine) {
            projection.on(machine);
        } else if (event instanceof MachineCertificationGranted granted) {
            projection.on(granted);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            projection.on(suspended);
        } else if (event instanceof MachineCertificationReinstated reinstated) {
            projection.on(reinstated);
        } else if (event instanceof MachineCertificationRevoked revoked) {
            projection.on(revoked);
        } else if (event instanceof MachineSessionStarted session) {
            projection.on(session);
        }
    }
}
