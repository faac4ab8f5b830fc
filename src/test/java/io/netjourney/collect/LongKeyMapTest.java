package io.netjourney.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

    @Test
    void putGetAndReplace() {
        LongKeyMap<String> map = new LongKeyMap<>();
        assertNull(map.get(7));
        assertNull(map.put(7, "a"));
        assertNull(map.put(0, "zero"));
        assertNull(map.put(-1, "minus one"));
        assertEquals("a", map.get(7));
        assertEquals("zero", map.get(0));
        assertEquals("minus one", map.get(-1));
        assertEquals("a", map.put(7, "b"));
        assertEquals("b", map.get(7));
        assertEquals(3, map.size());
    }

    @Test
    void removesOnlyTheGivenValue() {
        LongKeyMap<String> map = new LongKeyMap<>();
        String value = new String("v");
        map.put(0xffff888100000100L, value);
        assertFalse(map.remove(0xffff888100000100L, new String("v")), "another object, even an equal one");
        assertFalse(map.remove(0xffff888100000200L, value), "another key");
        assertTrue(map.remove(0xffff888100000100L, value));
        assertNull(map.get(0xffff888100000100L));
        assertEquals(0, map.size());
        assertFalse(map.remove(0xffff888100000100L, value));
    }

    @Test
    void keysOfOneSlotAllStayReachableThroughRemovals() {
        List<Long> colliding = keysOfOneSlot(16, 6);
        LongKeyMap<Long> map = new LongKeyMap<>();
        for (long key : colliding) {
            map.put(key, key);
        }
        // remove from the middle of the run: the ones after it must move back and stay found
        assertTrue(map.remove(colliding.get(2), map.get(colliding.get(2))));
        assertTrue(map.remove(colliding.get(0), map.get(colliding.get(0))));
        for (int i = 0; i < colliding.size(); i++) {
            long key = colliding.get(i);
            if (i == 0 || i == 2) {
                assertNull(map.get(key));
            } else {
                assertEquals(key, map.get(key));
            }
        }
        assertEquals(4, map.size());
    }

    @Test
    void growsAndKeepsEveryEntry() {
        LongKeyMap<Long> map = new LongKeyMap<>();
        for (long i = 0; i < 100_000; i++) {
            map.put(0xffff888100000000L + i * 0x100, i);
        }
        assertEquals(100_000, map.size());
        for (long i = 0; i < 100_000; i++) {
            assertEquals(i, map.get(0xffff888100000000L + i * 0x100));
        }
        assertNull(map.get(0xffff888100000000L + 100_000L * 0x100));
    }

    @Test
    void behavesAsAHashMapUnderRandomPutsAndRemovals() {
        SplittableRandom random = new SplittableRandom(5);
        LongKeyMap<Long> map = new LongKeyMap<>();
        Map<Long, Long> reference = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = 0xffff888100000000L + random.nextInt(2_000) * 0x100L; // few keys: many hits and removals
            if (random.nextInt(3) == 0) {
                Long current = reference.get(key);
                assertEquals(current != null, current != null && map.remove(key, current));
                reference.remove(key);
            } else {
                Long value = random.nextLong();
                assertEquals(reference.put(key, value), map.put(key, value));
            }
            assertEquals(reference.size(), map.size());
        }
        for (Map.Entry<Long, Long> e : reference.entrySet()) {
            assertSame(e.getValue(), map.get(e.getKey()));
        }
    }

    @Test
    void aTaggedMapKeepsEachEntrysTagThroughRemovalsAndGrowth() {
        SplittableRandom random = new SplittableRandom(7);
        LongKeyMap<Long> map = new LongKeyMap<>(true);
        Map<Long, Long> reference = new HashMap<>();
        for (int step = 0; step < 100_000; step++) {
            long key = 0xffff888100000000L + random.nextInt(5_000) * 0x100L;
            if (random.nextInt(3) == 0) {
                Long current = reference.remove(key);
                assertEquals(current != null, current != null && map.remove(key, current));
            } else {
                Long value = random.nextLong();
                reference.put(key, value);
                map.put(key, value, ~value);
            }
        }
        assertEquals(reference.size(), map.size());
        for (Map.Entry<Long, Long> e : reference.entrySet()) {
            int slot = map.find(e.getKey());
            assertSame(e.getValue(), map.valueAt(slot));
            assertEquals(~e.getValue(), map.tagAt(slot));
        }
        assertEquals(-1, map.find(0xffff888100000000L + 5_000L * 0x100));
    }

    @Test
    void nullValuesAreRefused() {
        assertThrows(NullPointerException.class, () -> new LongKeyMap<String>().put(1, null));
    }

    /** Keys whose home slot is the same in a table of {@code capacity} slots. */
    private static List<Long> keysOfOneSlot(int capacity, int count) {
        int shift = Long.numberOfLeadingZeros(capacity - 1);
        List<Long> keys = new ArrayList<>();
        long target = (0xffff888100000000L * 0x9E3779B97F4A7C15L) >>> shift;
        for (long key = 0xffff888100000000L; keys.size() < count; key += 0x100) {
            if ((key * 0x9E3779B97F4A7C15L) >>> shift == target) {
                keys.add(key);
            }
        }
        return keys;
    }
}
