package io.netjourney.ui;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Device;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark, not a test (surefire does not pick up *Bench): the window ingesting 100k crossings/s of docker-like
 * pings across 64 flows, one selected, for 10 s; prints frame intervals and how long a posted event waits for the
 * FX thread (what a click would wait). Run with packaging/bench-gui.
 */
@ExtendWith(ApplicationExtension.class)
class GuiFloodBench {
    static final int RATE = Integer.getInteger("bench.rate", 100_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        stage.show();
    }

    @Test
    void flood() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> produce(stop), "bench-producer");
        producer.start();
        Thread.sleep(1_000);
        if (Boolean.parseBoolean(System.getProperty("bench.select", "true"))) {
            Platform.runLater(() -> window.selectFlow(1));
        }
        window.batcher().takeWorstFrameNs();
        List<Long> worstFrames = new ArrayList<>();
        List<Long> worstWork = new ArrayList<>();
        List<Long> clickWaits = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        long lastSecond = System.nanoTime();
        long crossingsBefore = window.model().crossingsProperty().get();
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(ran::countDown);
            ran.await();
            clickWaits.add(System.nanoTime() - posted);
            if (System.nanoTime() - lastSecond >= 1_000_000_000L) {
                worstFrames.add(window.batcher().takeWorstFrameNs());
                worstWork.add(window.batcher().takeWorstWorkNs());
                lastSecond = System.nanoTime();
            }
            Thread.sleep(50);
        }
        stop.set(true);
        producer.join();
        long applied = window.model().crossingsProperty().get() - crossingsBefore;
        clickWaits.sort(null);
        worstFrames.sort(null);
        worstWork.sort(null);
        System.out.printf(Locale.ROOT, "GUI flood: offered %,d crossings/s for %d s; applied %,d/s; queue backlog %,d;"
                        + " dropped %,d%n", RATE, SECONDS, applied / SECONDS, window.queue().size(),
                window.queue().dropped());
        System.out.printf(Locale.ROOT, "worst frame interval per second: median %.1f ms, max %.1f ms%n",
                worstFrames.get(worstFrames.size() / 2) / 1e6, worstFrames.get(worstFrames.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "worst time applying crossings in one frame, per second: median %.1f ms, "
                + "max %.1f ms%n", worstWork.get(worstWork.size() / 2) / 1e6, worstWork.get(worstWork.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "posted event waited for the FX thread: median %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms (%d samples)%n", clickWaits.get(clickWaits.size() / 2) / 1e6,
                clickWaits.get(clickWaits.size() * 99 / 100) / 1e6, clickWaits.get(clickWaits.size() - 1) / 1e6,
                clickWaits.size());
    }

    /** Docker-like pings (bridge, veth, eth0 and back) over 64 echo ids, paced to RATE crossings/s. */
    private void produce(AtomicBoolean stop) {
        long ts = 0;
        long seq = 0;
        long started = System.nanoTime();
        long sent = 0;
        while (!stop.get()) {
            int id = (int) (seq % 64);
            int s = (int) (seq / 64) & 0xFFFF;
            long skb = 0xffff888100000000L + (seq % 4096) * 512;
            for (HopEvent e : ping(ts, skb, id, s)) {
                window.queue().offer(e);
            }
            ts += 60_000;
            seq++;
            sent += 6;
            long due = started + sent * 1_000_000_000L / RATE;
            long wait = due - System.nanoTime();
            if (wait > 200_000) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    private static final java.net.InetAddress HOST = HopEventBuilder.ip("198.51.100.1");
    private static final java.net.InetAddress CTR = HopEventBuilder.ip("198.51.100.2");

    /** The six crossings of one echo; built directly (the builder parses addresses, too slow for a flood). */
    private static HopEvent[] ping(long ts, long skb, int id, int seq) {
        long host = 4026531840L;
        long ctr = 4026532000L + id % 8;
        int veth = 10 + id % 8;
        String vethName = "veth" + id % 8;
        return new HopEvent[] {
            crossing(ts, skb, host, 3, "docker0", "bridge", 0, Hook.NET_DEV_QUEUE, false, id, seq),
            crossing(ts + 5_000, skb, host, veth, vethName, "veth", 3, Hook.NET_DEV_QUEUE, false, id, seq),
            crossing(ts + 9_000, skb, ctr, 2, "eth0", "veth", 0, Hook.NETIF_RX, false, id, seq),
            crossing(ts + 20_000, skb + 256, ctr, 2, "eth0", "veth", 0, Hook.NET_DEV_QUEUE, true, id, seq),
            crossing(ts + 24_000, skb + 256, host, veth, vethName, "veth", 3, Hook.NETIF_RX, true, id, seq),
            crossing(ts + 30_000, skb + 256, host, 3, "docker0", "bridge", 0, Hook.NETIF_RECEIVE_SKB, true, id, seq),
        };
    }

    private static HopEvent crossing(long ts, long skb, long netns, int ifindex, String ifname, String kind,
            int master, Hook hook, boolean reply, int id, int seq) {
        Packet packet = new Packet(98, 0, Packet.ETHERTYPE_IPV4, 0, 0, reply ? CTR : HOST, reply ? HOST : CTR,
                Packet.PROTO_ICMP, 64, seq, 0, 0, 0, 0, 0, 0, reply ? 0 : 8, 0, id, seq, 0, 0x020000000001L,
                0x020000000002L, null);
        return new Crossing(ts, 0, hook, skb, new Device(netns, 1, ifindex, ifname, kind, 1, master), packet, 0);
    }
}
