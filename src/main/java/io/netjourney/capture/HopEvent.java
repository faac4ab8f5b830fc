package io.netjourney.capture;

import java.net.InetAddress;

/**
 * One event the kernel reported about a packet, decoded from a record ({@link HopRecord}): a device
 * {@link Crossing}, a {@link Drop}, or a {@link RouteDecision}. Immutable.
 *
 * <p>Every event happened somewhere ({@link #device()}) and is about headers ({@link #packet()}); the accessors below
 * read those two, so that code asking "which interface, which addresses" needs no type test. What only one kind has
 * (a drop's reason, a lookup's table) is on that kind's record.
 */
public sealed interface HopEvent permits PacketEvent, RouteDecision {

    long timestampNs();

    int cpu();

    Hook hook();

    Device device();

    Packet packet();

    /** The namespace of the task the kernel ran for (a routing decision's sender); 0 when not recorded. */
    long taskNetnsInode();

    default long netnsInode() {
        return device().netnsInode();
    }

    default long netnsCookie() {
        return device().netnsCookie();
    }

    default int ifindex() {
        return device().ifindex();
    }

    default String ifname() {
        return device().ifname();
    }

    default String linkKind() {
        return device().linkKind();
    }

    default int masterIfindex() {
        return device().masterIfindex();
    }

    default DeviceKind deviceKind() {
        return device().kind();
    }

    default int length() {
        return packet().length();
    }

    default int ethertype() {
        return packet().ethertype();
    }

    default int flags() {
        return packet().flags();
    }

    default boolean hasFlag(int flag) {
        return packet().hasFlag(flag);
    }

    default InetAddress source() {
        return packet().source();
    }

    default InetAddress destination() {
        return packet().destination();
    }

    default int l4Protocol() {
        return packet().l4Protocol();
    }

    default int ttl() {
        return packet().ttl();
    }

    default int ipId() {
        return packet().ipId();
    }

    default int flowLabel() {
        return packet().flowLabel();
    }

    default int sourcePort() {
        return packet().sourcePort();
    }

    default int destinationPort() {
        return packet().destinationPort();
    }

    default int tcpFlags() {
        return packet().tcpFlags();
    }

    default long tcpSeq() {
        return packet().tcpSeq();
    }

    default long tcpAck() {
        return packet().tcpAck();
    }

    default int icmpType() {
        return packet().icmpType();
    }

    default int icmpCode() {
        return packet().icmpCode();
    }

    default int icmpId() {
        return packet().icmpId();
    }

    default int icmpSeq() {
        return packet().icmpSeq();
    }

    default int arpOp() {
        return packet().arpOp();
    }

    default long sourceMac() {
        return packet().sourceMac();
    }

    default long destinationMac() {
        return packet().destinationMac();
    }

    default QuotedHeader quoted() {
        return packet().quoted();
    }

    default int vlanId() {
        return packet().vlanId();
    }

    default boolean isIpv4() {
        return packet().isIpv4();
    }

    default boolean isIpv6() {
        return packet().isIpv6();
    }

    default boolean isArp() {
        return packet().isArp();
    }

    default boolean isIp() {
        return packet().isIp();
    }

    default boolean hasTransportHeader() {
        return packet().hasTransportHeader();
    }

    default boolean isTcp() {
        return packet().isTcp();
    }

    default boolean isUdp() {
        return packet().isUdp();
    }

    default boolean isIcmp() {
        return packet().isIcmp();
    }

    default boolean isIcmpv6() {
        return packet().isIcmpv6();
    }

    default boolean isEcho() {
        return packet().isEcho();
    }

    default boolean isIcmpError() {
        return packet().isIcmpError();
    }
}
