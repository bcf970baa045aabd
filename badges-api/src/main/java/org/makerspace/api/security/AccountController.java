package org.makerspace.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: created by administrators; each caller reads itself and changes its own password. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    /** A new account; which scopes are required depends on the roles (see {@link Account.Spec}). */
    record CreateAccountRequest(
            @NotBlank @Pattern(regexp = Account.USERNAME_PATTERN, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be 3-64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit")
            String username,
            @NotNull @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = Accounts.MAX_PASSWORD_LENGTH) String password,
            @NotEmpty Set<Role> roles,
            String labId,
            String trainerId,
            String memberId) {
    }

    record ChangePasswordRequest(
            @NotNull @Size(max = Accounts.MAX_PASSWORD_LENGTH) String currentPassword,
            @NotNull @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = Accounts.MAX_PASSWORD_LENGTH) String newPassword) {
    }

    /** The caller as this request sees it. */
    record Me(String username, Set<Role> roles, String labId, String trainerId, String memberId, String machineId) {

        static Me of(Caller caller) {
            return new Me(caller.username(), caller.roles(), caller.labId(), caller.trainerId(), caller.memberId(),
                          caller.machineId());
        }
    }

    private final Accounts accounts;
    private final AccessTokens tokens;

    AccountController(Accounts accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** 201; 403 unless a PLATFORM_ADMIN, or a LAB_ADMIN creating staff or learners of their own lab; 409 if taken. */
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(Caller caller, @Valid @RequestBody CreateAccountRequest request) {
        Account.Spec spec = new Account.Spec(request.username(), request.roles(), request.labId(),
                                             request.trainerId(), request.memberId());
        return AccountView.of(accounts.create(caller, spec, request.password()));
    }

    @OpenTo(AccessRule.SIGNED_IN)
    @GetMapping("/me")
    Me me(Caller caller) {
        return Me.of(caller);
    }

    /** Changes the caller's password; every earlier token stops working, so the answer carries a new one. */
    @OpenTo(AccessRule.ACCOUNT)
    @PostMapping("/me/password")
    AccessTokenView changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request) {
        Account account = accounts.changePassword(caller, request.currentPassword(), request.newPassword());
        tokens.forgetCached(account.username());
        return AccessTokenView.of(tokens.issue(account), account);
    }
}
