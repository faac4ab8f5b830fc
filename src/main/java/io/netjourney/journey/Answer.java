package io.netjourney.journey;

import java.net.InetAddress;

/**
 * What an ICMP or ICMPv6 error answers: it joined the flow whose packet it quotes (see {@link IcmpErrors}), and
 * this says which packet and where the error came from. Carried by every crossing of the error
 * ({@link TracedHop#answers()}); the words for it come from the presenters' vocabulary.
 *
 * @param packetId   the answered packet, singled out by the quote (echo seq, ports, IPv4 ID, TCP seq) among the
 *                   flow's retained packets; 0 when none matched (no longer retained, or never seen)
 * @param flowId     the flow the error joined
 * @param ipv6       whether the error is ICMPv6 (type and code are read as such)
 * @param type       the error's ICMP type: 3 unreachable, 11 time exceeded, 12 parameter problem; ICMPv6 1
 *                   unreachable, 2 packet too big, 3 time exceeded, 4 parameter problem
 * @param code       the error's code (unreachables: 3 port, 1 host, ...)
 * @param from       the error's source address as it was sent: the host that answered
 * @param netnsInode the namespace the error was first seen in: where it was generated
 */
public record Answer(long packetId, long flowId, boolean ipv6, int type, int code, InetAddress from,
                     long netnsInode) {
}
