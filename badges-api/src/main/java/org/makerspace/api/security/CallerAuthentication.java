package org.makerspace.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A request authenticated by a bearer credential: the caller, and the hash of the credential that proved it. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** What kind of bearer credential the request carried. */
    enum Credential { ACCESS_TOKEN, MACHINE_KEY }

    private final Caller caller;
    private final String credentialHash;
    private final Credential credential;

    CallerAuthentication(Caller caller, String credentialHash, Credential credential) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.caller = caller;
        this.credentialHash = credentialHash;
        this.credential = credential;
        setAuthenticated(true);
    }

    static Optional<CallerAuthentication> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(caller) : Optional.empty();
    }

    Caller caller() {
        return caller;
    }

    String credentialHash() {
        return credentialHash;
    }

    Credential credential() {
        return credential;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** Never the clear credential: only its hash is kept, and not exposed here. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && super.equals(that)
                && credentialHash.equals(that.credentialHash);
    }

    @Override
    public int hashCode() {
        return List.of(super.hashCode(), credentialHash).hashCode();
    }
}
