package org.makerspace.ledger.lab;

import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * The lab's rules as other aggregates' command handlers need them. Each method returns normally when the rule
 * holds and otherwise throws an {@link UnknownReference} (code {@code unknown-lab}, {@code unknown-trainer},
 * {@code unknown-machine}) or a {@link DomainRefusal} naming the refusing state. Command handlers receive it as a
 * parameter, resolved by Axon from the registered resources.
 */
public interface LabRules {

    /** The lab is registered. */
    void requireLab(LabId lab);

    /** The trainer is registered in that lab. */
    void requireTrainer(LabId lab, TrainerId trainer);

    /**
     * The trainer may certify a member on that scope in that lab: for one machine, the machine is registered in the
     * lab and in service; the trainer is registered in the lab and currently qualified on the scope's machine type
     * (for one machine, that machine's type).
     *
     * @return the machine type the trainer was checked against
     */
    MachineFacts requireMayCertify(LabId lab, TrainerId trainer, CertificationScope scope);
}
