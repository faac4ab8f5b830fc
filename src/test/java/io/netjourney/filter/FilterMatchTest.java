package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.HopEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterMatchTest {

    /** Each filter against every event of {@link FilterEvents#ALL}: exactly the listed ones match. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "ip; ICMP4 TCP4 TCP4_REPLY UDP4_DNS TCP4_FRAGMENT UDP4_FIRST_FRAGMENT TCP4_TRUNCATED"
                + " IP4_TRUNCATED VLAN_TCP4",
        "ip6; UDP6_DNS TCP6 ICMP6 UDP6_FRAGMENT MAPPED6",
        "arp; ARP ARP_NON_IP",
        "icmp; ICMP4",
        "icmp6; ICMP6",
        "tcp; TCP4 TCP4_REPLY TCP6 TCP4_FRAGMENT TCP4_TRUNCATED VLAN_TCP4",
        "udp; UDP4_DNS UDP6_DNS UDP6_FRAGMENT UDP4_FIRST_FRAGMENT MAPPED6",
        "ip or ip6; ICMP4 TCP4 TCP4_REPLY UDP4_DNS UDP6_DNS TCP6 ICMP6 TCP4_FRAGMENT UDP6_FRAGMENT"
                + " UDP4_FIRST_FRAGMENT TCP4_TRUNCATED IP4_TRUNCATED MAPPED6 VLAN_TCP4",
        "not ip and not ip6; ARP ARP_NON_IP LLDP",
        "host 198.51.100.1; ICMP4 TCP4 TCP4_REPLY TCP4_FRAGMENT TCP4_TRUNCATED",
        "src host 198.51.100.1; ICMP4 TCP4 TCP4_FRAGMENT TCP4_TRUNCATED",
        "dst host 198.51.100.1; TCP4_REPLY",
        "host 192.0.2.1; ARP",
        "dst host 192.0.2.254; ARP",
        "host 0.0.0.0; ",
        "host 2001:db8::1; UDP6_DNS TCP6 ICMP6 UDP6_FRAGMENT",
        "src host 2001:db8::1; UDP6_DNS ICMP6 UDP6_FRAGMENT",
        "dst host 2001:db8::1; TCP6",
        "host 192.0.2.2; ",
        "host ::ffff:192.0.2.2; MAPPED6",
        "net ::ffff:0.0.0.0/96; MAPPED6",
        "net 10.0.0.0/8; UDP4_DNS UDP4_FIRST_FRAGMENT VLAN_TCP4",
        "dst net 10.128.0.0/9; VLAN_TCP4",
        "src net 10.1.2.0/24; UDP4_DNS UDP4_FIRST_FRAGMENT VLAN_TCP4",
        "net 0.0.0.0/0; ICMP4 TCP4 TCP4_REPLY UDP4_DNS ARP TCP4_FRAGMENT UDP4_FIRST_FRAGMENT TCP4_TRUNCATED"
                + " VLAN_TCP4",
        "net ::/0; UDP6_DNS TCP6 ICMP6 UDP6_FRAGMENT MAPPED6",
        "net 2001:db8::/32; UDP6_DNS TCP6 ICMP6 UDP6_FRAGMENT",
        "dst net 2001:db8:1::/48; UDP6_DNS UDP6_FRAGMENT",
        "net fe80::/10; ICMP6",
        "net 198.51.100.0 mask 255.255.255.0; ICMP4 TCP4 TCP4_REPLY TCP4_FRAGMENT TCP4_TRUNCATED",
        "port 80; TCP4 TCP4_REPLY",
        "src port 80; TCP4_REPLY",
        "dst port 80; TCP4",
        "port 53; UDP4_DNS UDP6_DNS UDP4_FIRST_FRAGMENT",
        "src port 5353; UDP4_DNS UDP6_DNS UDP4_FIRST_FRAGMENT",
        "port 0; ",
        "port 22; VLAN_TCP4",
        "tcp port 443; TCP6",
        "udp port 80; ",
        "not port 53; ICMP4 TCP4 TCP4_REPLY TCP6 ICMP6 ARP ARP_NON_IP TCP4_FRAGMENT UDP6_FRAGMENT TCP4_TRUNCATED"
                + " IP4_TRUNCATED LLDP MAPPED6 VLAN_TCP4",
        "tcp and not port 80; TCP6 TCP4_FRAGMENT TCP4_TRUNCATED VLAN_TCP4",
        "udp or tcp and port 80; TCP4 TCP4_REPLY UDP4_DNS UDP6_DNS UDP6_FRAGMENT UDP4_FIRST_FRAGMENT MAPPED6",
        "(udp or tcp) and port 80; TCP4 TCP4_REPLY",
        "not tcp and host 198.51.100.1; ICMP4",
        "not (tcp and host 198.51.100.1) and ip; ICMP4 UDP4_DNS UDP4_FIRST_FRAGMENT IP4_TRUNCATED"
                + " VLAN_TCP4",
        "icmp or icmp6 or arp; ICMP4 ICMP6 ARP ARP_NON_IP",
    })
    void matchesExactly(String expression, String expected) {
        Filter filter = FilterParser.parse(expression);
        Set<String> want = names(expected);
        Set<String> got = new TreeSet<>();
        for (Map.Entry<String, HopEvent> e : FilterEvents.ALL.entrySet()) {
            if (filter.matches(e.getValue())) {
                got.add(e.getKey());
            }
        }
        assertEquals(want, got, expression);
    }

    /** Space-separated names; null (an empty CSV column) for none. */
    private static Set<String> names(String list) {
        if (list == null) {
            return new TreeSet<>();
        }
        return Arrays.stream(list.trim().split("\\s+"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
