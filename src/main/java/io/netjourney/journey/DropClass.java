package io.netjourney.journey;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * Whether a drop is part of how the kernel normally works (expected: shown, dimmed, never a lost packet) or a
 * packet that did not get where it was going (real). Each expected rule names why; a drop no rule explains is real.
 *
 * @param expected true when the drop is normal operation
 * @param why      for an expected drop, the plain-language reason it is normal; null for a real one
 */
public record DropClass(boolean expected, String why) {
    public static final DropClass REAL = new DropClass(false, null);

    static final String ROOT_PING = "no datagram ping socket: harmless when ping runs as root, its raw socket got its "
            + "own copy";
    static final String QUEUE_PURGE = "a closing socket discarded what was still queued on it";
    static final String OTHERHOST = "a copy flooded to a port whose host it was not addressed to";
    static final String UNWANTED_MULTICAST = "multicast or broadcast that nothing here listens to";
    static final String TIME_WAIT = "a closed connection's last segment, taken by its TIME_WAIT socket";
    static final String RAW_FILTER = "a raw or packet socket's own copy, refused by its filter (another ping's reply): "
            + "the packet itself went on";
    /** Where a socket filter refuses the copy a raw or packet socket got of its own: never the packet itself. */
    private static final List<String> OWN_COPY_RECEIVERS = List.of("raw_rcv+", "rawv6_rcv+", "packet_rcv+",
            "tpacket_rcv+");

    /** Reasons the kernel gives when a multicast or broadcast frame reaches no listener (or no bridge port). */
    private static final Set<String> NO_LISTENER = Set.of("NOT_SPECIFIED", "NO_TX_TARGET", "NO_SOCKET", "OTHERHOST");

    /** Classifies a {@link Drop}; any other event (a hop of a packet that was not dropped there) is {@link #REAL}. */
    public static DropClass of(HopEvent event) {
        if (!(event instanceof Drop drop)) {
            return REAL;
        }
        String reason = drop.reasonName();
        if (reason == null) {
            return REAL;
        }
        String location = drop.locationName();
        if (reason.equals("NO_SOCKET") && location != null && location.startsWith("ping_rcv+")) {
            return new DropClass(true, ROOT_PING);
        }
        if (reason.equals("SOCKET_FILTER") && location != null
                && OWN_COPY_RECEIVERS.stream().anyMatch(location::startsWith)) {
            return new DropClass(true, RAW_FILTER);
        }
        if (reason.equals("QUEUE_PURGE")) {
            return new DropClass(true, QUEUE_PURGE);
        }
        if (NO_LISTENER.contains(reason) && isGroupAddress(drop.destination())) {
            return new DropClass(true, UNWANTED_MULTICAST);
        }
        if (reason.equals("OTHERHOST")) {
            return new DropClass(true, OTHERHOST);
        }
        if (reason.equals("NOT_SPECIFIED") && location != null && isClosingSegment(drop)
                && (location.startsWith("tcp_v4_rcv+") || location.startsWith("tcp_v6_rcv+"))) {
            return new DropClass(true, TIME_WAIT);
        }
        return REAL;
    }

    /**
     * A FIN, RST or bare ACK: what reaches a connection's TIME_WAIT socket, which answers it (or not) and frees it
     * through tcp_v4_rcv's (tcp_v6_rcv's) common exit without a reason. Seen in the lab on every close whose closing
     * side had exited: the peer's FIN-ACK.
     */
    private static boolean isClosingSegment(Drop e) {
        int flags = e.tcpFlags();
        boolean closing = (flags & (TCP_FIN | TCP_RST)) != 0 || flags == Packet.TCP_FLAG_ACK;
        return e.isTcp() && e.hasTransportHeader() && (flags & Packet.TCP_FLAG_SYN) == 0 && closing;
    }

    private static final int TCP_FIN = 0x01;
    private static final int TCP_RST = 0x04;

    /** IPv4 multicast (224.0.0.0/4) or limited broadcast, IPv6 multicast (ff00::/8). */
    static boolean isGroupAddress(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            boolean broadcast = (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
            return address.isMulticastAddress() || broadcast;
        }
        return address instanceof Inet6Address && address.isMulticastAddress();
    }
}
