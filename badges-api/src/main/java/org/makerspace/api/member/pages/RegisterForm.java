package org.makerspace.api.member.pages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The « register a learner » form, as posted. Its member id is made when the form is shown, so that the same form
 * sent twice registers one person.
 */
record RegisterForm(@NotBlank @Pattern(regexp = "m-[0-9a-f-]{36}") String memberId,
                    @NotBlank @Size(max = 100) String displayName,
                    @Email @Size(max = 200) String email,
                    @Min(1900) @Max(2100) Integer birthYear) {

    static RegisterForm blank(String memberId) {
        return new RegisterForm(memberId, null, null, null);
    }

    /** An e-mail address left empty is none, not a malformed one. */
    String emailOrNull() {
        return email == null || email.isBlank() ? null : email.strip();
    }
}
