package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.FilterProgram;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A full ring buffer loses events: the kernel counts them and the capture reports them, never silently. */
@Privileged
class LostEventsPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);



    @Test
    void eventsLostToAFullRingAreCounted() throws Exception {
        FilterProgram filter = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4())).program();
        AtomicLong delivered = new AtomicLong();
        // one page holds 24 records: 20 pings make 120 crossings while nobody reads
        EnumSet<Hook> crossings = EnumSet.noneOf(Hook.class);
        for (Hook hook : Hook.values()) {
            if (hook.direction() != Hook.Direction.NONE) {
                crossings.add(hook);
            }
        }
        CaptureSession.Options options = new CaptureSession.Options(filter, crossings, 4096);
        try (CaptureSession session = CaptureSession.start(options, e -> delivered.incrementAndGet())) {
            LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 20);
            CaptureStats before = session.stats();
            assertTrue(before.lost() > 0, "lost events counted: " + before);
            while (session.poll(100) > 0) {
                // drain
            }
            CaptureStats after = session.stats();
            assertEquals(after.submitted(), delivered.get(), "every submitted record was delivered");
            assertEquals(120, after.submitted() + after.lost(), "submitted + lost = all crossings: " + after);
        }
    }
}
