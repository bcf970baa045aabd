package org.makerspace.machine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.machine.protocol.AllowlistRejected.Reason;

/** What a controller accepts as its allowlist, and every way a document can fail to be one. */
class AllowlistVerifierTest {

    private static final String KID = "https://ledger.example/ob3/issuers/fablab-x/keys/ed25519-0011223344556677";
    private static final String CARD = "cf2_" + "ab".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final KeyPair lab = ed25519();
    private final LabKeys labKeys = LabKeys.fromJwks(jwk(lab, KID));
    private final AllowlistVerifier verifier = new AllowlistVerifier(labKeys);

    @Test
    void aListSignedByTheLabForThisMachineIsAccepted() throws Exception {
        Allowlist allowlist = allowlist("laser-1", NOW.plus(Duration.ofHours(24)));

        Allowlist verified = verifier.verify(signed(allowlist, KID, lab), "laser-1", NOW);

        assertThat(verified).isEqualTo(allowlist);
        assertThat(verified.entry(CARD)).map(Allowlist.Entry::level).contains(Level.AUTONOMOUS);
    }

    @Test
    void aFlippedByteInThePayloadFailsTheSignature() {
        String[] parts = signed(allowlist("laser-1", NOW.plus(Duration.ofHours(24))), KID, lab).split("\\.");
        byte[] payload = Base64URL.from(parts[1]).decode();
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("autonomous");
        payload[at] ^= 0x01;
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(tampered, "laser-1", NOW))
                .isInstanceOfSatisfying(AllowlistRejected.class,
                                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void aListSignedByAnotherKeyUnderTheLabsKidIsRefused() {
        String forged = signed(allowlist("laser-1", NOW.plus(Duration.ofHours(1))), KID, ed25519());

        assertRejected(forged, "laser-1", Reason.BAD_SIGNATURE);
    }

    @Test
    void aKeyTheControllerDoesNotHoldIsRefused() {
        String other = signed(allowlist("laser-1", NOW.plus(Duration.ofHours(1))), KID + "-other", lab);

        assertRejected(other, "laser-1", Reason.UNKNOWN_KEY);
    }

    @Test
    void anotherMachinesListIsRefused() {
        assertRejected(signed(allowlist("printer-2", NOW.plus(Duration.ofHours(1))), KID, lab), "laser-1",
                       Reason.OTHER_MACHINE);
    }

    @Test
    void anExpiredListIsRefused() {
        assertRejected(signed(allowlist("laser-1", NOW), KID, lab), "laser-1", Reason.EXPIRED);
    }

    @Test
    void aTokenOfAnotherTypeSignedByTheSameKeyIsRefused() {
        String header = Base64URL.encode("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}").toString();
        String payload = Base64URL.encode(allowlist("laser-1", NOW.plus(Duration.ofHours(1))).toJson()).toString();
        String credentialLike = header + "." + payload + "." + Base64URL.encode(sign(lab, header + "." + payload));

        assertRejected(credentialLike, "laser-1", Reason.NOT_AN_ALLOWLIST);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"allowlist+jwt\"}").toString();
        String payload = Base64URL.encode(allowlist("laser-1", NOW.plus(Duration.ofHours(1))).toJson()).toString();

        assertThatThrownBy(() -> verifier.verify(header + "." + payload + ".", "laser-1", NOW))
                .isInstanceOf(AllowlistRejected.class);
    }

    @Test
    void garbageIsMalformed() {
        assertRejected("not-a-jws", "laser-1", Reason.MALFORMED);
    }

    @Test
    void theDocumentReadsBackAsWritten() {
        Allowlist allowlist = allowlist("laser-1", NOW.plus(Duration.ofDays(7)));

        assertThat(Allowlist.fromJson(allowlist.toJson())).isEqualTo(allowlist);
        assertThat(allowlist.toJson()).startsWith("{\"labId\":\"fablab-x\",\"machineId\":\"laser-1\",\"version\":7,")
                .doesNotContain("null");
    }

    private void assertRejected(String compact, String machineId, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(compact, machineId, NOW))
                .isInstanceOfSatisfying(AllowlistRejected.class,
                                        rejected -> assertThat(rejected.reason()).as(rejected.getMessage())
                                                .isEqualTo(reason));
    }

    static Allowlist allowlist(String machineId, Instant expiresAt) {
        OpeningHours hours = new OpeningHours(ZoneId.of("Europe/Paris"), List.of(
                new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))));
        return new Allowlist("fablab-x", machineId, 7, NOW.minus(Duration.ofMinutes(1)), expiresAt, true, 120, 15,
                             hours, List.of(new Allowlist.Entry(CARD, Level.AUTONOMOUS, null),
                                            new Allowlist.Entry("cf2_" + "01".repeat(32), Level.SUPERVISED,
                                                                NOW.plus(Duration.ofDays(30)))));
    }

    static String signed(Allowlist allowlist, String kid, KeyPair key) {
        return AllowlistJws.sign(allowlist, kid, data -> sign(key, new String(data, StandardCharsets.US_ASCII)));
    }

    static byte[] sign(KeyPair key, String signingInput) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK as the server publishes it: the raw key is the last 32 bytes of the X.509 encoding. */
    static String jwk(KeyPair key, String kid) {
        byte[] encoded = key.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64URL.encode(raw) + "\",\"kid\":\"" + kid + "\"}";
    }
}
