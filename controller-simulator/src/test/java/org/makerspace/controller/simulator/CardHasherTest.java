package org.makerspace.controller.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A card's hash as docs/machines.md defines it, whatever way the reader writes the UID. */
class CardHasherTest {

    private static final byte[] KEY = "a lab's card key of 32 bytes....".getBytes(StandardCharsets.US_ASCII);
    private final CardHasher cards = new CardHasher(KEY);

    @Test
    void theHashIsTheHmacOfTheLowercaseHexUidWithoutSeparators() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("04a2b3c4".getBytes(StandardCharsets.US_ASCII)));

        assertThat(cards.hash("04:A2:B3:C4")).isEqualTo(expected);
        assertThat(cards.hash("04-a2 B3c4")).isEqualTo(expected);
        assertThat(cards.fingerprint("04a2b3c4")).isEqualTo("cf2_" + expected);
    }

    @Test
    void aUidIsFourToThirtyTwoBytesOfHex() {
        assertThatThrownBy(() -> cards.hash("04:A2:B3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cards.hash("04:A2:B3:ZZ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cards.hash("ab".repeat(32))).hasSize(64);
    }
}
