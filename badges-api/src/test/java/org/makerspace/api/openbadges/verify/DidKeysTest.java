package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;

class DidKeysTest {

    @Test
    void theKeyOfADidKeyIsItsIdentifier() {
        String key = Ed25519SigningKey.generate().publicKey().multibase();

        assertThat(DidKeys.resolve("did:key:" + key + "#" + key).orElseThrow().multibase()).isEqualTo(key);
        assertThat(DidKeys.resolve("did:key:" + key).orElseThrow().multibase()).isEqualTo(key);
        assertThat(DidKeys.controllerOf("did:key:" + key + "#" + key)).isEqualTo("did:key:" + key);
    }

    @Test
    void aFragmentNamingAnotherKeyOrAMalformedKeyResolvesToNothing() {
        String key = Ed25519SigningKey.generate().publicKey().multibase();
        String other = Ed25519SigningKey.generate().publicKey().multibase();

        assertThat(DidKeys.resolve("did:key:" + key + "#" + other)).isEmpty();
        assertThat(DidKeys.resolve("did:key:zNotAKey")).isEmpty();
        assertThat(DidKeys.resolve("did:web:badges.example")).isEmpty();
    }
}
