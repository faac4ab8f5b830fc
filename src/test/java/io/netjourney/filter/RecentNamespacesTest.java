package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentNamespacesTest {
    @Test
    void answersAtOnceWithWhatItKnowsAndScansOnAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> scannedOn = new AtomicReference<>();
        NamespaceDirectory slow = () -> {
            scannedOn.set(Thread.currentThread());
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("nj-ctr1", Set.of(4026532001L));
        };
        CountDownLatch changed = new CountDownLatch(1);
        RecentNamespaces recent = new RecentNamespaces(slow, changed::countDown);

        assertEquals(Map.of(), recent.inodesByName(), "nothing known yet, and no waiting for the scan");
        release.countDown();
        assertTrue(changed.await(5, TimeUnit.SECONDS), "told when the scan found names");
        assertEquals(Map.of("nj-ctr1", Set.of(4026532001L)), recent.inodesByName());
        assertTrue(scannedOn.get() != Thread.currentThread());
    }

    @Test
    void aNameTypedBeforeTheScanEndedParsesOnceItHas() throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        RecentNamespaces recent = new RecentNamespaces(() -> Map.of("nj-ctr1", Set.of(7L)), changed::countDown);
        try {
            FilterParser.parse("netns nj-ctr1", recent);
        } catch (FilterSyntaxException notYet) {
            // the first check may come before the scan
        }
        assertTrue(changed.await(5, TimeUnit.SECONDS));
        Filter parsed = FilterParser.parse("netns nj-ctr1", recent);
        assertTrue(parsed.toString().contains("nj-ctr1"), parsed.toString());
    }
}
