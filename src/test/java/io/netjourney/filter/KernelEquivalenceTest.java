package io.netjourney.filter;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.bpf.BpfInterpreter;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Packet;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compiling is proven equivalent: the compiled code run on a BPF interpreter over the event's nj_hop record, with
 * every stage filled or with stages filled as the code asks for them, answers as {@link Filter#matches} does.
 */
class KernelEquivalenceTest {
    private static final String[] V4 = {"198.51.100.1", "198.51.100.200", "10.1.2.3", "10.200.0.1", "192.0.2.1"};
    private static final String[] V6 = {"2001:db8::1", "2001:db8:1::53", "fe80::1", "::1", "::ffff:192.0.2.1"};
    private static final int[] PORTS = {0, 22, 53, 80, 443, 5353};
    private static final String[] PRIMITIVES = {
        "ip", "ip6", "arp", "icmp", "icmp6", "tcp", "udp",
        "host 198.51.100.1", "src host 10.1.2.3", "dst host 192.0.2.1", "host 2001:db8::1",
        "dst host 2001:db8:1::53", "host ::ffff:192.0.2.1", "host 192.0.2.1",
        "net 198.51.100.0/24", "src net 198.51.100.128/25", "dst net 10.0.0.0/8", "net 0.0.0.0/0",
        "net 2001:db8::/32", "src net fe80::/10", "dst net ::/0", "net 2001:db8:1::/48", "net ::ffff:0:0/96",
        "port 80", "src port 53", "dst port 443", "port 0", "port 5353", "tcp port 22", "udp dst port 53",
        "netns nj-ctr1", "netns 4026531840", "container web1", "netns pod:default/api",
        "ifname eth0", "ifname nj-veth1", "ifname abcdefghijklmno", "ifname eth",
    };
    private static final long[] NAMESPACES = {FilterNamespaces.HOST, FilterNamespaces.CTR1,
        FilterNamespaces.DOCKER_WEB1, FilterNamespaces.PODMAN_WEB1, FilterNamespaces.POD_API, 0};
    private static final String[] IFNAMES = {"eth0", "eth", "eth00", "nj-veth1", "abcdefghijklmno",
        "abcdefghijklmnx", ""};

    @Test
    void compiledProgramsAnswerLikeTheFilter() {
        Random random = new Random(20240607);
        List<HopEvent> events = new ArrayList<>(FilterEvents.ALL.values());
        for (int i = 0; i < 300; i++) {
            events.add(randomEvent(random));
        }
        List<byte[]> records = new ArrayList<>();
        for (HopEvent e : events) {
            byte[] record = kernelRecord(e);
            if (random.nextInt(3) == 0) {
                leaveAnOldNameAfterTheNul(record);
            }
            records.add(record);
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.ALL_IP);
        for (String p : PRIMITIVES) {
            filters.add(FilterNamespaces.parse(p));
            filters.add(FilterNamespaces.parse("not " + p));
        }
        for (int i = 0; i < 400; i++) {
            filters.add(randomFilter(random, 5));
        }
        int matched = 0;
        for (Filter filter : filters) {
            KernelFilter kernel = KernelFilter.compile(filter);
            assertTrue(kernel.exact(), kernel::toString);
            byte[] code = kernel.code();
            BpfInterpreter.assertEveryInstructionReachable(code);
            for (int i = 0; i < events.size(); i++) {
                boolean java = filter.matches(events.get(i));
                HopEvent event = events.get(i);
                assertEquals(java, StagedRecord.matchesFilled(code, records.get(i)), () -> filter + " on " + event);
                assertEquals(java, StagedRecord.matchesStaged(code, 0, records.get(i), random),
                        () -> filter + " on " + event + ", stages on demand");
                assertEquals(java, StagedRecord.matchesStaged(code, kernel.program().firstStages(), records.get(i),
                        random), () -> filter + " on " + event + ", its first stages filled before");
                matched += java ? 1 : 0;
            }
        }
        assertTrue(matched > filters.size() * events.size() / 10, "filters do match events: " + matched);
    }

    @Test
    void ipv4MappedIpv6SourceMatchesAsIpv6LikeTheKernel() {
        HopEvent e = FilterEvents.MAPPED6;
        assertTrue(e.source() instanceof Inet4Address, "decoding collapses ::ffff:a.b.c.d");
        for (String expression : new String[] {"host ::ffff:192.0.2.1", "host 192.0.2.1", "net ::/0", "ip6"}) {
            Filter filter = FilterParser.parse(expression);
            assertEquals(StagedRecord.matchesFilled(KernelFilter.compile(filter).code(), kernelRecord(e)),
                    filter.matches(e), expression);
        }
    }

    @Test
    void aRenamedDevicesLeftoverBytesAfterTheNulDoNotMatter() {
        HopEvent e = hop().dev(2, "eth0", "veth").build();
        byte[] record = kernelRecord(e);
        leaveAnOldNameAfterTheNul(record);
        for (String expression : new String[] {"ifname eth0", "ifname eth0xyz", "ifname eth"}) {
            Filter filter = FilterParser.parse(expression);
            assertEquals(filter.matches(e), StagedRecord.matchesFilled(KernelFilter.compile(filter).code(), record),
                    expression);
        }
        assertTrue(FilterParser.parse("ifname eth0").matches(e));
    }

    /** strscpy on a rename does not pad: what followed the old name's NUL stays after the new one's. */
    private static void leaveAnOldNameAfterTheNul(byte[] record) {
        int nul = HopRecord.IFNAME;
        while (nul < HopRecord.IFNAME + 15 && record[nul] != 0) {
            nul++;
        }
        for (int i = nul + 1; i < HopRecord.IFNAME + 16; i++) {
            record[i] = (byte) "xyz0123456789abc".charAt(i - HopRecord.IFNAME);
        }
    }

    /**
     * The nj_hop the kernel recorded for the event. The kernel sets addr_family 6 for every IPv6 packet, also
     * for IPv4-mapped addresses that decoding turned into Inet4Address (and HopRecord.encode writes as IPv4).
     */
    private static byte[] kernelRecord(HopEvent e) {
        byte[] record = HopRecord.encode(e);
        if (e.isIpv6() && (e.source() instanceof Inet4Address || e.destination() instanceof Inet4Address)) {
            record[FilterEvents.HOP_ADDR_FAMILY] = 6;
            System.arraycopy(EventAddresses.bytes(e.source(), 6), 0, record, 24, 16);
            System.arraycopy(EventAddresses.bytes(e.destination(), 6), 0, record, 40, 16);
        }
        return record;
    }

    private static HopEvent randomEvent(Random r) {
        int kind = r.nextInt(10);
        HopEventBuilder b = hop().netns(NAMESPACES[r.nextInt(NAMESPACES.length)])
                .dev(1 + r.nextInt(9), pick(r, IFNAMES), "veth");
        if (kind == 0) {
            return b.arp(1 + r.nextInt(2), pick(r, V4), pick(r, V4)).build();
        }
        if (kind == 1) {
            return FilterEvents.withoutAddresses(b.ethertype(r.nextBoolean() ? 0x88cc : Packet.ETHERTYPE_ARP)
                    .l4(0).build());
        }
        boolean v6 = kind >= 6;
        String[] pool = v6 ? V6 : V4;
        b.ethertype(v6 ? Packet.ETHERTYPE_IPV6 : Packet.ETHERTYPE_IPV4).from(pick(r, pool)).to(pick(r, pool));
        int l4 = new int[] {Packet.PROTO_TCP, Packet.PROTO_UDP, Packet.PROTO_ICMP, Packet.PROTO_ICMPV6,
            47}[r.nextInt(5)];
        b.l4(l4).ports(PORTS[r.nextInt(PORTS.length)], PORTS[r.nextInt(PORTS.length)]);
        int flags = 0;
        for (int flag : new int[] {Packet.FLAG_FRAGMENT, Packet.FLAG_NO_L4, Packet.FLAG_TRUNCATED}) {
            flags |= r.nextInt(4) == 0 ? flag : 0;
        }
        if (r.nextInt(8) == 0) {
            // a routing decision, sometimes made without protocol or ports (received packets)
            b.route(254, 0, 2, null);
            if (r.nextBoolean()) {
                b.l4(0).ports(0, 0);
            }
        }
        HopEvent event = b.flags(flags).build();
        return r.nextInt(20) == 0 ? FilterEvents.withoutAddresses(event) : event;
    }

    private static Filter randomFilter(Random r, int depth) {
        int choice = depth == 0 ? 0 : r.nextInt(5);
        switch (choice) {
            case 1:
                return randomFilter(r, depth - 1).negate();
            case 2:
                return randomFilter(r, depth - 1).and(randomFilter(r, depth - 1));
            case 3:
                return randomFilter(r, depth - 1).or(randomFilter(r, depth - 1));
            default:
                return FilterNamespaces.parse(pick(r, PRIMITIVES));
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
