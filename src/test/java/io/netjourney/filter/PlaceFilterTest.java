package io.netjourney.filter;

import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.filter.FilterNamespaces.CTR1;
import static io.netjourney.filter.FilterNamespaces.DOCKER_WEB1;
import static io.netjourney.filter.FilterNamespaces.HOST;
import static io.netjourney.filter.FilterNamespaces.PODMAN_WEB1;
import static io.netjourney.filter.FilterNamespaces.POD_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** netns, container and ifname: parsing, what the names stand for, and which events match. */
class PlaceFilterTest {
    private static final Map<String, HopEvent> EVENTS = new TreeMap<>(Map.of(
            "HOST_VETH1", hop().netns(HOST).dev(5, "nj-veth1", "veth").build(),
            "HOST_BR0", hop().netns(HOST).dev(4, "nj-br0", "bridge").build(),
            "CTR1_ETH0", hop().netns(CTR1).dev(2, "eth0", "veth").build(),
            "WEB1_ETH0", hop().netns(DOCKER_WEB1).dev(2, "eth0", "veth").build(),
            "PODMAN_ETH0", hop().netns(PODMAN_WEB1).dev(2, "eth0", "veth").build(),
            "API_ETH0", hop().netns(POD_API).dev(3, "eth0", "veth").build(),
            "NO_DEVICE", hop().netns(0).dev(0, "", "").build()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "netns nj-ctr1; netns nj-ctr1; CTR1_ETH0",
        "NETNS host; netns host; HOST_BR0 HOST_VETH1",
        "netns 4026532300; netns 4026532300; CTR1_ETH0",
        "netns docker:web1; netns docker:web1; WEB1_ETH0",
        "container web1; container web1; PODMAN_ETH0 WEB1_ETH0",
        "container default/api; container default/api; API_ETH0",
        "ifname eth0; ifname eth0; API_ETH0 CTR1_ETH0 PODMAN_ETH0 WEB1_ETH0",
        "ifname nj-veth1; ifname nj-veth1; HOST_VETH1",
        "ifname ETH0; ifname ETH0; ",
        "ifname eth0 and not netns nj-ctr1; ifname eth0 and not netns nj-ctr1; API_ETH0 PODMAN_ETH0 WEB1_ETH0",
        "netns host or container web1; netns host or container web1; HOST_BR0 HOST_VETH1 PODMAN_ETH0 WEB1_ETH0",
    })
    void parsesAndMatches(String expression, String canonical, String expected) {
        Filter filter = FilterNamespaces.parse(expression);
        assertEquals(canonical, filter.toString());
        assertEquals(filter, FilterNamespaces.parse(canonical), "canonical form re-parses to an equal filter");
        Set<String> got = new TreeSet<>();
        EVENTS.forEach((name, event) -> {
            if (filter.matches(event)) {
                got.add(name);
            }
        });
        Set<String> want = expected == null ? Set.of() : new TreeSet<>(Set.of(expected.trim().split("\\s+")));
        assertEquals(want, got, expression);
    }

    @Test
    void aContainerIsEveryRuntimesNamespaceOfThatName() {
        assertEquals(new NetnsFilter(NetnsFilter.Keyword.CONTAINER, "web1", Set.of(DOCKER_WEB1, PODMAN_WEB1)),
                FilterNamespaces.parse("container web1"));
    }

    @Test
    void withNoNamespacesKnownOnlyInodesWork() {
        assertEquals(NetnsFilter.inode(HOST), FilterParser.parse("netns " + HOST, NamespaceDirectory.NONE));
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("netns host", NamespaceDirectory.NONE));
        assertEquals("unknown namespace 'host' (known: none; or give its inode)", e.reason());
        e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("container web", NamespaceDirectory.NONE));
        assertEquals("no container named 'web' (containers: none)", e.reason());
    }

    @Test
    void theNamespacesAreLookedUpOnceAndOnlyWhenNamed() {
        AtomicInteger lookups = new AtomicInteger();
        NamespaceDirectory counting = () -> {
            lookups.incrementAndGet();
            return FilterNamespaces.DIRECTORY.inodesByName();
        };
        FilterParser.parse("icmp and ifname eth0 or netns 4026531840", counting);
        assertEquals(0, lookups.get());
        FilterParser.parse("netns host or container web1 or netns nj-ctr1", counting);
        assertEquals(1, lookups.get());
    }

    @Test
    void aLongListOfKnownNamesIsCut() {
        Map<String, Set<Long>> many = new TreeMap<>();
        for (int i = 0; i < 25; i++) {
            many.put(String.format("nj-%02d", i), Set.of(4026533000L + i));
        }
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("netns nope", () -> many));
        assertTrue(e.reason().contains("nj-18, nj-19 and 5 more; or give its inode"), e.reason());
    }

    @Test
    void recordsRefuseWhatTheParserRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new IfnameFilter("sixteen-bytes-xx"));
        assertThrows(IllegalArgumentException.class, () -> new IfnameFilter(""));
        assertThrows(IllegalArgumentException.class, () -> new IfnameFilter("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> new NetnsFilter(NetnsFilter.Keyword.NETNS, "x", Set.of()));
        assertEquals(15, new IfnameFilter("fifteen-bytes-x").bytes().length);
    }
}
