package org.makerspace.api.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.member.CredentialName;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.web.MemberRequests.CredentialNameRequest;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.common.DomainRefusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learner's choice to show their name on their credentials. Credentials are anonymous by default; a learner who
 * chooses to show their name gets a named copy of each credential, published beside it. Only the learner decides:
 * staff may not choose for them, since showing a name is disclosing personal data.
 */
@RestController
@Tag(name = "members")
class CredentialNameController {

    private final MemberDirectory directory;

    CredentialNameController(MemberDirectory directory) {
        this.directory = directory;
    }

    @Operation(summary = "Whether the learner shows their name on their credentials, and the name shown (the member "
                         + "themself only)")
    @OpenTo(AccessRule.MEMBER)
    @GetMapping("/api/members/{memberId}/credential-name")
    CredentialName choice(@PathVariable String memberId, Caller caller) {
        caller.requireMember(memberId);
        return directory.credentialName(memberId).orElseThrow(() -> NotFound.of("member", memberId));
    }

    @Operation(summary = "Show the learner's name on their credentials, or stop (the member themself only). While "
                         + "shown, anyone who knows an award's id can fetch its named copy at "
                         + "/ob3/credentials/{awardId}/named; copies already downloaded stay valid until revoked")
    @OpenTo(AccessRule.MEMBER)
    @PutMapping("/api/members/{memberId}/credential-name")
    CredentialName choose(@PathVariable String memberId, @Valid @RequestBody CredentialNameRequest request,
                          Caller caller) {
        caller.requireMember(memberId);
        boolean recorded = directory.chooseCredentialName(memberId, request.showName());
        CredentialName choice = directory.credentialName(memberId).orElseThrow(() -> NotFound.of("member", memberId));
        if (!recorded && request.showName()) {
            throw new DomainRefusal("personal-data-erased", "the personal data of member " + memberId
                                                            + " was erased: there is no name to show");
        }
        return choice;
    }
}
