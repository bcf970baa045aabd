package org.makerspace.api.member;

import java.time.Instant;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RegisterMember;
import org.springframework.stereotype.Component;

/**
 * Registers a member in a lab, for the API and the pages alike: the ledger first (a refused registration leaves no
 * personal data behind), then the directory.
 */
@Component
public class MemberRegistration {

    private final LedgerCommands commands;
    private final MemberDirectory directory;
    private final LedgerRegistrations registrations;

    MemberRegistration(LedgerCommands commands, MemberDirectory directory, LedgerRegistrations registrations) {
        this.commands = commands;
        this.directory = directory;
        this.registrations = registrations;
    }

    /**
     * @throws AggregateStreamCreationException when the id is another lab's member, or a member whose personal data
     *                                          is already recorded
     */
    public void register(MemberProfile profile, Instant registeredAt, Caller caller) {
        MemberId id = MemberId.of(profile.memberId());
        LabId lab = LabId.of(profile.labId());
        try {
            commands.send(new RegisterMember(id, lab, registeredAt), caller);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            // Sent again after a crash that came between the ledger and the directory: finish it. A member of another
            // lab, or one whose personal data is recorded, keeps the refusal.
            if (directory.find(profile.memberId()).isPresent()
                || !registrations.labOf(id).map(lab::equals).orElse(false)) {
                throw alreadyRegistered;
            }
        }
        directory.save(profile);
    }
}
