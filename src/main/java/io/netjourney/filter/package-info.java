/**
 * Filter expressions in the style of tcpdump/pcap-filter.
 *
 * <p>{@link io.netjourney.filter.FilterParser#parse} turns text into an immutable {@link io.netjourney.filter.Filter}
 * (null or blank: {@code ip or ip6}); {@link io.netjourney.filter.KernelFilter#compile} turns that into BPF code
 * the kernel's programs run before they parse more of a packet than it asks for. Both evaluate exactly so:
 * <ul>
 * <li>{@code host}/{@code net} match when the event's address family equals the literal's and the source
 * and/or destination lies in it; ARP uses sender/target protocol addresses. IPv4-mapped IPv6 literals
 * ({@code ::ffff:a.b.c.d}) are IPv6 and match only IPv6 packets.
 * <li>{@code net A/len} with bits set beyond the prefix is rejected, naming the intended network, as libpcap
 * does. {@code net A} without a prefix is a host; {@code net A mask M} takes contiguous IPv4 masks.
 * <li>{@code port} matches only TCP/UDP events whose transport header was read: not ARP, not a non-first
 * fragment (NO_L4), not truncated. {@code tcp}/{@code udp} need an IP address family and exclude ARP.
 * <li>A protocol before a qualified primitive is a conjunction: {@code tcp port 80} is
 * {@code tcp and port 80}. Port numbers only; service and host names are never resolved.
 * <li>{@code netns NAME|INODE} and {@code container NAME} match the event's namespace (nj_hop.netns_ino) against
 * the inodes the name stood for when the filter was parsed ({@link io.netjourney.filter.NamespaceDirectory});
 * {@code ifname NAME} matches the device's name in any namespace, as far as its NUL (a renamed device may keep
 * bytes of its old name after it).
 * </ul>
 */
package io.netjourney.filter;
