package io.netjourney.ui.model;

import static io.netjourney.ui.model.Traffic.CTR_NS;
import static io.netjourney.ui.model.Traffic.HOST_NS;
import static io.netjourney.ui.model.Traffic.VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.DeviceKind;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.names.InterfaceAddress;
import io.netjourney.capture.names.InterfaceInfo;
import io.netjourney.journey.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Interface tab's content: the diagram's facts, the scan's (MAC, MTU, state, addresses), the model's counts. */
class InterfaceDetailsTest {
    private static final InterfaceInfo VETH_SCANNED = new InterfaceInfo(HOST_NS, 7, "vetha373ab6", DeviceKind.VETH,
            3, 2, CTR_NS, "veth", "9a:3c:11:0e:5d:7f", 1500, "UP",
            List.of(new InterfaceAddress(InetAddresses.forString("fe80::983c:11ff:fe0e:5d7f"), 64)));

    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;
    private final List<HopEvent> sent = new ArrayList<>();

    private void ping(int seq) {
        List<HopEvent> events = traffic.ping(17146, seq, seq * 1_000_000L);
        sent.addAll(events);
        shown.accept(events);
    }

    private long crossingsOnTheVeth() {
        return sent.stream().filter(e -> e instanceof Crossing && e.netnsInode() == HOST_NS && e.ifindex() == 7)
                .count();
    }

    private static Map<String, String> fields(InterfaceDetails details) {
        return details.fields().stream().collect(Collectors.toMap(InterfaceDetails.Field::key,
                InterfaceDetails.Field::value));
    }

    @Test
    void aClickedVethShowsWhereItIsWhatWasCountedThereAndThatItsLinkIsNotScannedYet() {
        ping(1);
        ping(2);
        model.showInterface(VETH);

        InterfaceDetails details = model.interfaceDetailsProperty().get();
        assertEquals("vetha373ab6  (veth, ifindex 7)", details.title());
        Map<String, String> fields = fields(details);
        assertEquals("host · inode " + HOST_NS, fields.get("namespace"));
        assertEquals("docker0", fields.get("master"));
        assertEquals("eth0 in nj-ctr1", fields.get("peer"));
        assertEquals(4, crossingsOnTheVeth(), "each ping's request and reply");
        assertEquals(Long.toString(crossingsOnTheVeth()), fields.get("crossings"));
        assertEquals("0", fields.get("drops"));
        assertTrue(fields.get("link").startsWith("not known"), fields.get("link"));
    }

    @Test
    void aScanAddsTheLinksMacMtuStateAndAddressesAndNewCrossingsUpdateTheCounts() {
        ping(1);
        model.showInterface(VETH);
        List<InterfaceDetails> seen = new ArrayList<>();
        model.interfaceDetailsProperty().addListener((obs, old, now) -> seen.add(now));

        model.applyLiveness(new Liveness(Set.of(HOST_NS, CTR_NS), Map.of(HOST_NS, Set.of(3, 7)),
                Map.of(Topology.keyOf(HOST_NS, 7), VETH_SCANNED)), 0);
        Map<String, String> fields = fields(model.interfaceDetailsProperty().get());
        assertEquals("9a:3c:11:0e:5d:7f", fields.get("mac"));
        assertEquals("1500", fields.get("mtu"));
        assertEquals("UP", fields.get("state"));
        assertEquals("fe80::983c:11ff:fe0e:5d7f/64", fields.get("addresses"));
        assertEquals(1, seen.size(), "the tab follows the scan");

        ping(2);
        assertEquals(Long.toString(crossingsOnTheVeth()), fields(model.interfaceDetailsProperty().get())
                .get("crossings"));
        assertEquals(2, seen.size(), "and the counts");
        shown.accept(List.of());
        assertEquals(2, seen.size(), "nothing new, nothing shown anew");

        model.showInterface(null);
        assertNull(model.interfaceDetailsProperty().get());
    }

    @Test
    void clearingTheViewForgetsTheInterfaceAndTheScan() {
        ping(1);
        model.showInterface(VETH);
        model.applyLiveness(new Liveness(Set.of(HOST_NS, CTR_NS), Map.of(),
                Map.of(Topology.keyOf(HOST_NS, 7), VETH_SCANNED)), 0);
        model.clear();
        assertNull(model.interfaceDetailsProperty().get());
        ping(1);
        assertTrue(model.interfaceDetails(VETH).orElseThrow().scanned() == null, "the old scan is not shown");
    }

    @Test
    void dropsCountApartFromExpectedOnesAndRoutingAndNetfilterGetLinesOfTheirOwn() {
        ping(1);
        InterfaceDetails details = new InterfaceDetails(model.details(VETH).orElseThrow(), VETH_SCANNED,
                new Topology.Counts(1_234, 2, 15), "3 routing decision(s) chose this interface", null);
        Map<String, String> fields = fields(details);
        assertEquals("1,234", fields.get("crossings"));
        assertEquals("2 (and 15 expected, not losses)", fields.get("drops"));
        InterfaceDetails.Field routes = details.fields().stream().filter(f -> f.key().equals("routes")).findFirst()
                .orElseThrow();
        assertEquals(InterfaceDetails.Place.LINE, routes.place());
        assertTrue(details.fields().stream().noneMatch(f -> f.key().equals("netfilter")));
    }
}
