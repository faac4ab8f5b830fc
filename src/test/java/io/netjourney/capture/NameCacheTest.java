package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    /** A 16-byte name field at offset 3 of a buffer, followed by other bytes. */
    private static ByteBuffer field(byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(3 + NameCache.FIELD_SIZE + 5);
        b.put(3, content);
        b.put(3 + NameCache.FIELD_SIZE, new byte[] {'x', 'y', 'z', 'w', 'v'});
        return b;
    }

    private static ByteBuffer field(String name) {
        return field(name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheNameUpToTheFirstNul() {
        NameCache cache = new NameCache(16);
        assertEquals("eth0", cache.name(field("eth0"), 3));
        assertEquals("", cache.name(field(""), 3));
        assertEquals("nj-veth1", cache.name(field("nj-veth1"), 3));
        assertEquals("abcdefgh", cache.name(field("abcdefgh"), 3)); // NUL is the first byte of the second word
        assertEquals("abcdefghijklmno", cache.name(field("abcdefghijklmno"), 3));
    }

    @Test
    void aNameFillingTheFieldEndsWithIt() {
        assertEquals("abcdefghijklmnop", new NameCache(16).name(field("abcdefghijklmnop"), 3));
    }

    @Test
    void bytesAfterTheNulAreIgnored() {
        NameCache cache = new NameCache(16);
        String clean = cache.name(field("veth"), 3);
        byte[] dirty = "veth\0old-name\0zz".getBytes(StandardCharsets.US_ASCII);
        assertSame(clean, cache.name(field(dirty), 3));
        byte[] dirtySecondWord = "nj-veth12\0garbag".getBytes(StandardCharsets.US_ASCII);
        assertEquals("nj-veth12", cache.name(field(dirtySecondWord), 3));
        assertSame(cache.name(field("nj-veth12"), 3), cache.name(field(dirtySecondWord), 3));
    }

    @Test
    void decodesUtf8() {
        assertEquals("brücke", new NameCache(16).name(field("brücke"), 3));
    }

    @Test
    void aNameSeenBeforeIsTheSameObject() {
        NameCache cache = new NameCache(16);
        assertSame(cache.name(field("nj-br0"), 3), cache.name(field("nj-br0"), 3));
    }

    @Test
    void namesThatDifferLateSpreadOverTheTable() {
        NameCache cache = new NameCache(1024);
        Map<String, String> first = new HashMap<>();
        for (int i = 1; i <= 100; i++) {
            first.put("nj-veth" + i, cache.name(field("nj-veth" + i), 3)); // alike but for the 8th and later bytes
        }
        long kept = first.entrySet().stream().filter(e -> cache.name(field(e.getKey()), 3) == e.getValue()).count();
        assertTrue(kept >= 90, kept + " of 100 names kept");
    }

    @Test
    void namesSharingASlotStayCorrectAndTheTableStaysItsSize() {
        NameCache cache = new NameCache(1);
        String first = cache.name(field("eth0"), 3);
        assertEquals("eth1", cache.name(field("eth1"), 3));
        String again = cache.name(field("eth0"), 3);
        assertEquals("eth0", again);
        assertNotSame(first, again, "the one slot held eth1 in between");
        assertSame(again, cache.name(field("eth0"), 3));
    }

    @Test
    void readsInPlaceWhateverTheBufferOrder() {
        ByteBuffer direct = ByteBuffer.allocateDirect(32);
        direct.put(8, "docker0".getBytes(StandardCharsets.US_ASCII)).position(5).limit(30);
        assertEquals("docker0", new NameCache(8).name(direct, 8));
        assertEquals(5, direct.position());
        assertEquals(30, direct.limit());
    }

    @Test
    void sizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new NameCache(12));
    }
}
