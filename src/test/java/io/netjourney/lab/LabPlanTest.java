package io.netjourney.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plan, the safety checks and the parsers, without root. */
class LabPlanTest {

    @Test
    void everyDeviceNameFitsIfnamsizWithTheLongestPrefix() {
        LabPlan plan = LabPlan.of("nj-abcdefg");
        Stream.concat(Stream.of(plan.bridge().name()),
                        plan.veths().stream().flatMap(veth -> Stream.of(veth.name(), veth.peerName())))
                .forEach(name -> assertTrue(name.length() <= 15, name));
    }

    @Test
    void everyAddressAndRouteIsInTheLabRangesAndNoneIsDefault() {
        LabPlan plan = LabPlan.of(Lab.DEFAULT_PREFIX);
        plan.addresses().forEach(address -> assertTrue(Lab.isLabAddress(address.cidr().split("/")[0]), address::toString));
        for (LabPlan.Route route : plan.routes()) {
            assertTrue(Lab.isLabAddress(route.destination().split("/")[0]), route::toString);
            assertTrue(Lab.isLabAddress(route.gateway()), route::toString);
            assertFalse(route.destination().startsWith("default"), route::toString);
        }
    }

    @Test
    void nodeAddressesAreAssignedInThePlan() {
        LabPlan plan = LabPlan.of(Lab.DEFAULT_PREFIX);
        for (LabNode node : LabNode.values()) {
            for (String address : List.of(node.ipv4(), node.ipv6())) {
                assertTrue(plan.addresses().stream().anyMatch(a -> a.cidr().startsWith(address + "/")), address);
            }
        }
    }

    @Test
    void onlyLabAddressesAreLabAddresses() {
        assertTrue(Lab.isLabAddress("198.51.100.130"));
        assertTrue(Lab.isLabAddress("2001:db8:3::2"));
        assertFalse(Lab.isLabAddress("192.0.2.1"));
        assertFalse(Lab.isLabAddress("fd00::1"));
        assertFalse(Lab.isLabAddress("203.0.113.5"));
        assertFalse(Lab.isLabAddress("198.51.101.1"));
        assertFalse(Lab.isLabAddress("2001:db9::1"));
        assertFalse(Lab.isLabAddress("example.org"));
    }

    @Test
    void pingRefusesAddressesOutsideTheLab() {
        Lab lab = new Lab("nj-t9-");
        LabException refused = assertThrows(LabException.class, () -> lab.ping(LabNode.CTR1, "192.0.2.1", 1));
        assertTrue(refused.getMessage().contains("refusing"), refused.getMessage());
    }

    @Test
    void prefixMustStartWithNjAndBeShort() {
        assertThrows(IllegalArgumentException.class, () -> new Lab("lab-"));
        assertThrows(IllegalArgumentException.class, () -> new Lab("nj-much-too-long-"));
        assertEquals("nj-t1-ctr1", new Lab("nj-t1-").namespace(LabNode.CTR1));
    }

    @Test
    void parsesIpOneLineLinkOutput() {
        String text = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT\\    link/loopback\n"
                + "5: nj-veth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master nj-br0 state UP\\  x\n"
                + "6: nj-h-r@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN\\    link/ether\n";
        List<LinkLine> links = LinkLine.parseAll(text);
        assertEquals(List.of("lo", "nj-veth1", "nj-h-r"), links.stream().map(LinkLine::name).toList());
        assertEquals(Optional.of("nj-br0"), links.get(1).master());
        assertTrue(links.get(1).up());
        assertFalse(links.get(2).up());
        assertEquals(Set.of("BROADCAST", "MULTICAST"), links.get(2).flags());
    }

    @Test
    void parsesIpOneLineAddressOutput() {
        String text = "7: nj-br0    inet 198.51.100.1/26 scope global nj-br0\\       valid_lft forever\n"
                + "7: nj-br0    inet6 2001:db8:1::1/64 scope global nodad \\       valid_lft forever\n";
        assertEquals(List.of("nj-br0 198.51.100.1/26", "nj-br0 2001:db8:1::1/64"), LabInspector.addresses(text));
    }
}
