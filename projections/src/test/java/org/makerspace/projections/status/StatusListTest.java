package org.makerspace.projections.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class StatusListTest {

    @Test
    void anEmptyListHoldsAtLeast131072Entries() {
        StatusList list = StatusList.empty();

        assertThat(list.size()).isGreaterThanOrEqualTo(131_072);
        assertThat(list.get(0)).isFalse();
        assertThat(list.get(list.size() - 1)).isFalse();
    }

    @Test
    void settingABitChangesOnlyThatBit() {
        StatusList list = StatusList.empty().set(94_567);

        assertThat(list.get(94_567)).isTrue();
        assertThat(list.get(94_566)).isFalse();
        assertThat(list.get(94_568)).isFalse();
    }

    @Test
    void clearingABitUndoesSettingIt() {
        StatusList list = StatusList.empty().set(12).clear(12);

        assertThat(list.get(12)).isFalse();
        assertThat(list).isEqualTo(StatusList.empty());
    }

    @Test
    void aListIsAValueThatSettingDoesNotChange() {
        StatusList before = StatusList.empty();

        before.set(3);

        assertThat(before.get(3)).isFalse();
    }

    @Test
    void indexZeroIsTheLeftMostBitOfTheFirstByte() throws IOException {
        String encoded = StatusList.empty().set(0).set(9).encodedList();

        byte[] bits = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1)));

        assertThat(bits[0]).isEqualTo((byte) 0b1000_0000);
        assertThat(bits[1]).isEqualTo((byte) 0b0100_0000);
    }

    @Test
    void theEncodedListIsMultibaseBase64UrlWithoutPaddingOfGzip() throws IOException {
        String encoded = StatusList.empty().set(7).encodedList();

        assertThat(encoded).startsWith("u").matches("u[A-Za-z0-9_-]+");
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        assertThat(compressed[0] & 0xff).isEqualTo(0x1f);
        assertThat(compressed[1] & 0xff).isEqualTo(0x8b);
        assertThat(gunzip(compressed)).hasSize(16 * 1024);
    }

    @Test
    void decodingTheEncodedListGivesTheSameBits() {
        StatusList list = StatusList.empty().set(0).set(42).set(131_071);

        StatusList decoded = StatusList.decode(list.encodedList());

        assertThat(decoded).isEqualTo(list);
        assertThat(decoded.get(42)).isTrue();
        assertThat(decoded.get(131_071)).isTrue();
        assertThat(decoded.get(41)).isFalse();
    }

    @Test
    void equalListsEncodeToTheSameTextWithoutATimestamp() {
        StatusList one = StatusList.empty().set(5).set(1_000);
        StatusList other = StatusList.empty().set(1_000).set(77).set(5).clear(77);

        String encoded = one.encodedList();

        assertThat(other.encodedList()).isEqualTo(encoded);
        assertThat(one.encodedList()).isEqualTo(encoded);
        byte[] header = Base64.getUrlDecoder().decode(encoded.substring(1));
        assertThat(new byte[] {header[4], header[5], header[6], header[7]}).as("GZIP MTIME").containsOnly(0);
    }

    @Test
    void decodingRefusesAListSmallerThan16KiB() {
        String small = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[1024]));

        assertThatThrownBy(() -> StatusList.decode(small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 131072 entries");
    }

    @Test
    void decodingRefusesTextWithoutTheMultibasePrefix() {
        String unprefixed = StatusList.empty().encodedList().substring(1);

        assertThatThrownBy(() -> StatusList.decode(unprefixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multibase prefix 'u'");
    }

    @Test
    void decodingRefusesDataThatIsNotGzip() {
        String notGzip = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

        assertThatThrownBy(() -> StatusList.decode(notGzip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not GZIP");
    }

    @Test
    void anIndexOutsideTheListIsRefused() {
        assertThatThrownBy(() -> StatusList.empty().set(131_072))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("131072");
        assertThatThrownBy(() -> StatusList.empty().get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aListGrowsInStepsOf131072EntriesKeepingItsBits() {
        StatusList grown = StatusList.empty().set(9).withRoomFor(131_073);

        assertThat(grown.size()).isEqualTo(2 * 131_072);
        assertThat(grown.get(9)).isTrue();
        assertThat(StatusList.decode(grown.encodedList())).isEqualTo(grown);
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
