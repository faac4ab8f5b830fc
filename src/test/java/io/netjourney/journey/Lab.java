package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEventBuilder;

/**
 * Test fixtures: the measured docker-like path. A "host" namespace with bridge nj-br and the host end nj-v1 of a
 * veth pair whose other end is eth0 in a "container" namespace.
 */
final class Lab {
    static final long HOST_NS = 4026532001L;
    static final long CONTAINER_NS = 4026532002L;
    static final String HOST_IP = "198.51.100.1";
    static final String CONTAINER_IP = "198.51.100.2";
    static final long SKB_A = 0xffff888100000100L;
    static final long SKB_B = 0xffff888100000200L;

    private Lab() {
    }

    /** On the bridge in the host namespace. */
    static HopEventBuilder bridge(Hook hook) {
        return hop().hook(hook).netns(HOST_NS).netnsCookie(11).dev(3, "nj-br", "bridge");
    }

    /** On the host end of the veth pair, a port of the bridge. */
    static HopEventBuilder hostVeth(Hook hook) {
        return hop().hook(hook).netns(HOST_NS).netnsCookie(11).dev(4, "nj-v1", "veth").master(3);
    }

    /** On eth0 in the container namespace. */
    static HopEventBuilder containerEth(Hook hook) {
        return hop().hook(hook).netns(CONTAINER_NS).netnsCookie(12).dev(2, "eth0", "veth");
    }

    /** Host to container, as measured: bridge tx, host veth tx, container rx. */
    static HopEventBuilder[] towardsContainer() {
        return new HopEventBuilder[] {
            bridge(Hook.NET_DEV_QUEUE).from(HOST_IP).to(CONTAINER_IP),
            hostVeth(Hook.NET_DEV_QUEUE).from(HOST_IP).to(CONTAINER_IP),
            containerEth(Hook.NETIF_RX).from(HOST_IP).to(CONTAINER_IP),
        };
    }

    /** Container to host, as measured: container tx, host veth rx, bridge rx. */
    static HopEventBuilder[] towardsHost() {
        return new HopEventBuilder[] {
            containerEth(Hook.NET_DEV_QUEUE).from(CONTAINER_IP).to(HOST_IP),
            hostVeth(Hook.NETIF_RX).from(CONTAINER_IP).to(HOST_IP),
            bridge(Hook.NETIF_RECEIVE_SKB).from(CONTAINER_IP).to(HOST_IP),
        };
    }
}
