package org.makerspace.projections.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An immutable bitstring of credential statuses with one bit per credential: index 0 is the most significant bit of
 * the first byte (the left-most bit), as Bitstring Status List v1.0 requires. A list holds at least {@value
 * #MINIMUM_ENTRIES} entries (16 KiB), the minimum the specification sets so that one credential hides among many.
 *
 * <p>{@link #encodedList()} is the {@code encodedList} of the specification: the bitstring GZIP-compressed, then
 * base64url-encoded without padding, behind the multibase prefix {@code u}. Java writes a GZIP header without a
 * modification time or file name, so equal lists encode to equal text on one runtime.
 */
public final class StatusList {

    /** 16 KiB of bits: the specification's minimum list size. */
    public static final int MINIMUM_ENTRIES = 131_072;
    /** Lists grow in steps of the minimum size. */
    private static final int STEP_BYTES = MINIMUM_ENTRIES / Byte.SIZE;
    /** A decoded list may not exceed 16 MiB (134,217,728 entries): a guard against a GZIP bomb from a stranger. */
    private static final int MAXIMUM_BYTES = 16 * 1024 * 1024;
    private static final char MULTIBASE_BASE64URL = 'u';

    private final byte[] bits;

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    /** A list of {@value #MINIMUM_ENTRIES} entries, none set. */
    public static StatusList empty() {
        return new StatusList(new byte[STEP_BYTES]);
    }

    /** A list with room for at least {@code entries} entries, none set, rounded up to a multiple of the minimum size. */
    public static StatusList forEntries(long entries) {
        return empty().withRoomFor(entries);
    }

    /**
     * Decodes an {@code encodedList}. Refuses text without the multibase prefix {@code u}, text that is not
     * base64url, data that is not GZIP, and bitstrings smaller than 16 KiB or larger than 16 MiB.
     */
    public static StatusList decode(String encodedList) {
        if (encodedList == null || encodedList.isEmpty() || encodedList.charAt(0) != MULTIBASE_BASE64URL) {
            throw new IllegalArgumentException("an encodedList starts with the multibase prefix 'u' (base64url)");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encodedList is not base64url: " + e.getMessage(), e);
        }
        byte[] bits = gunzip(compressed);
        if (bits.length < STEP_BYTES) {
            throw new IllegalArgumentException("a status list holds at least " + MINIMUM_ENTRIES + " entries (16 KiB), "
                                                       + "but this one holds " + bits.length * Byte.SIZE);
        }
        return new StatusList(bits);
    }

    /** The number of entries, a multiple of 8. */
    public int size() {
        return bits.length * Byte.SIZE;
    }

    public boolean get(int index) {
        checkIndex(index);
        return (bits[index / Byte.SIZE] & mask(index)) != 0;
    }

    /** This list with the bit at {@code index} set (to 1). */
    public StatusList set(int index) {
        return with(index, true);
    }

    /** This list with the bit at {@code index} cleared (to 0). */
    public StatusList clear(int index) {
        return with(index, false);
    }

    /** This list, grown by whole steps of the minimum size if it cannot hold {@code entries} entries. */
    public StatusList withRoomFor(long entries) {
        if (entries <= size()) {
            return this;
        }
        long steps = (entries + MINIMUM_ENTRIES - 1) / MINIMUM_ENTRIES;
        long length = steps * STEP_BYTES;
        if (length > MAXIMUM_BYTES) {
            throw new IllegalArgumentException("a status list holds at most " + (long) MAXIMUM_BYTES * Byte.SIZE
                                                       + " entries, not " + entries);
        }
        return new StatusList(Arrays.copyOf(bits, (int) length));
    }

    /** The {@code encodedList}: multibase prefix {@code u}, then base64url without padding of the GZIP of the bits. */
    public String encodedList() {
        return MULTIBASE_BASE64URL + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits));
    }

    private StatusList with(int index, boolean value) {
        checkIndex(index);
        if (get(index) == value) {
            return this;
        }
        byte[] changed = bits.clone();
        int at = index / Byte.SIZE;
        changed[at] = (byte) (value ? changed[at] | mask(index) : changed[at] & ~mask(index));
        return new StatusList(changed);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status index " + index + " is outside this list of " + size()
                                                        + " entries");
        }
    }

    private static int mask(int index) {
        return 0x80 >>> (index % Byte.SIZE);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = in.readNBytes(MAXIMUM_BYTES + 1);
            if (bits.length > MAXIMUM_BYTES) {
                throw new IllegalArgumentException("a status list holds at most " + (long) MAXIMUM_BYTES * Byte.SIZE
                                                           + " entries; this one is larger");
            }
            return bits;
        } catch (IOException e) {
            throw new IllegalArgumentException("the encodedList is not GZIP data: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusList list && Arrays.equals(bits, list.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        int set = 0;
        for (byte b : bits) {
            set += Integer.bitCount(b & 0xff);
        }
        return "StatusList[" + size() + " entries, " + set + " set]";
    }
}
