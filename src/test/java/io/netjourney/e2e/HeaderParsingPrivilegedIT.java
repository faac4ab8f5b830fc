package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.DeviceKind;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel side finds the headers without assuming a 14-byte Ethernet header: hand-made frames with VLAN tags
 * and IPv6 extension headers sent on a lab veth, and a tun device without a link-layer header.
 */
@Privileged
class HeaderParsingPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final int ECHO_ID = 0x4A4A;
    private static final int ECHO_SEQ = 7;
    private static final Path CRAFT = Path.of("src/test/resources/e2e/craft.py").toAbsolutePath();


    @Test
    void singleVlanTagInTheFrameAndAcceleratedAfterTheBridge() throws Exception {
        List<TracedHop> hops = craft("icmp and host 198.51.100.3", 4, "vlan");
        assertEquals(List.of("eth0", LAB.namespace(LabNode.HOST).replace("host", "veth1"),
                LAB.namespace(LabNode.HOST).replace("host", "veth2"), "eth0"), ifnames(hops));
        for (TracedHop hop : hops) {
            HopEvent e = hop.event();
            assertTrue(e.hasFlag(Packet.FLAG_VLAN), "tagged at " + e.ifname());
            assertEquals(100, e.vlanId(), "VLAN id at " + e.ifname());
            assertEcho(e, 8);
            assertEquals("/198.51.100.2", e.source().toString());
            assertEquals(0x1234, e.ipId());
        }
    }

    @Test
    void twoVlanTags() throws Exception {
        List<TracedHop> hops = craft("icmp and host 198.51.100.3", 2, "qinq");
        HopEvent sent = hops.get(0).event();
        assertEquals(Hook.NET_DEV_QUEUE, sent.hook());
        assertEquals(200, sent.vlanId(), "outer tag first");
        assertEcho(sent, 8);
        HopEvent received = hops.get(1).event();
        assertEquals(Hook.NETIF_RX, received.hook());
        assertEcho(received, 8);
    }

    @Test
    void ipv6ExtensionHeadersAreWalkedToTheIcmpv6Header() throws Exception {
        List<TracedHop> hops = craft("icmp6 and host 2001:db8:1::3", 2, "ip6ext");
        for (TracedHop hop : hops.subList(0, 2)) {
            HopEvent e = hop.event();
            assertTrue(e.hasFlag(Packet.FLAG_IP6_EXT), "extension headers at " + e.ifname());
            assertTrue(e.hasFlag(Packet.FLAG_FRAGMENT), "fragment header at " + e.ifname());
            assertFalse(e.hasFlag(Packet.FLAG_NO_L4));
            assertEquals(Packet.PROTO_ICMPV6, e.l4Protocol());
            assertEcho(e, 128);
            assertEquals(0x12345, e.flowLabel());
        }
    }

    @Test
    void ipv6NonFirstFragmentHasNoTransportHeader() throws Exception {
        List<TracedHop> hops = craft("ip6 and host 2001:db8:1::3", 2, "ip6frag");
        HopEvent e = hops.get(0).event();
        assertTrue(e.hasFlag(Packet.FLAG_NO_L4));
        assertTrue(e.hasFlag(Packet.FLAG_FRAGMENT));
        assertEquals(Packet.PROTO_ICMPV6, e.l4Protocol());
        assertEquals(0, e.icmpType(), "no transport fields read from fragment payload");
    }

    @Test
    void tunDeviceWithoutLinkLayerHeaderBothWays() throws Exception {
        try (LiveTrace trace = LiveTrace.start("icmp and host 198.51.100.250", JourneyPrivilegedIT.labNamespaces())) {
            String out = run(List.of("ip", "netns", "exec", LAB.namespace(LabNode.CTR1), "python3", CRAFT.toString(),
                    "tun", "nj-tun0"));
            assertEquals("reply", out.trim());
            List<TracedHop> hops = trace.await(2);
            assertEquals(2, hops.size(), "rx of the request and tx of the reply: " + hops);
            HopEvent request = hops.get(0).event();
            HopEvent reply = hops.get(1).event();
            assertEquals(Hook.Direction.RX, request.hook().direction());
            assertEquals(Hook.NET_DEV_QUEUE, reply.hook());
            for (HopEvent e : List.of(request, reply)) {
                assertEquals("nj-tun0", e.ifname());
                assertEquals(DeviceKind.TUNNEL, e.deviceKind());
                assertTrue(e.hasFlag(Packet.FLAG_NO_L2));
            }
            assertEcho(request, 8);
            assertEcho(reply, 0);
            assertEquals(PacketDirection.REQUEST, hops.get(0).direction());
            assertEquals(PacketDirection.REPLY, hops.get(1).direction());
        }
    }

    private static void assertEcho(HopEvent e, int type) {
        assertEquals(type, e.icmpType(), "ICMP type at " + e.ifname());
        assertEquals(ECHO_ID, e.icmpId(), "echo id at " + e.ifname());
        assertEquals(ECHO_SEQ, e.icmpSeq(), "echo seq at " + e.ifname());
    }

    private static List<String> ifnames(List<TracedHop> hops) {
        List<String> names = new ArrayList<>();
        hops.forEach(h -> names.add(h.event().ifname()));
        return names;
    }

    /** Sends a hand-made frame from nj-ctr1's eth0 to nj-ctr2's eth0 and returns what was traced. */
    private static List<TracedHop> craft(String filter, int expected, String mode) throws Exception {
        String src = mac(LabNode.CTR1);
        String dst = mac(LabNode.CTR2);
        try (LiveTrace trace = LiveTrace.start(filter, JourneyPrivilegedIT.labNamespaces())) {
            run(List.of("ip", "netns", "exec", LAB.namespace(LabNode.CTR1), "python3", CRAFT.toString(), mode,
                    "eth0", src, dst));
            List<TracedHop> hops = trace.await(expected);
            assertTrue(hops.size() >= expected, "crossings of the " + mode + " frame: " + hops);
            return hops.subList(0, expected);
        }
    }

    private static String mac(LabNode node) throws Exception {
        String json = run(List.of("ip", "-n", LAB.namespace(node), "-j", "link", "show", "eth0"));
        Matcher m = Pattern.compile("\"address\":\"([0-9a-f:]{17})\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
