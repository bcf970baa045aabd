package org.makerspace.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The first administrator, created with the setup token from the log; public, and usable once. */
@RestController
class SetupController {

    record SetupRequest(
            @NotBlank @Size(max = 200) String setupToken,
            @NotBlank @Pattern(regexp = Account.USERNAME_PATTERN, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be 3-64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit")
            String username,
            @NotNull @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = Accounts.MAX_PASSWORD_LENGTH) String password) {
    }

    private final FirstAdministrator firstAdministrator;

    SetupController(FirstAdministrator firstAdministrator) {
        this.firstAdministrator = firstAdministrator;
    }

    /** 201 with the PLATFORM_ADMIN account; 403 for a wrong token; 404 once an administrator exists. */
    @OpenTo(AccessRule.PUBLIC)
    @PostMapping("/api/setup")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView setup(@Valid @RequestBody SetupRequest request) {
        return AccountView.of(firstAdministrator.complete(request.setupToken(), request.username(),
                                                          request.password()));
    }
}
