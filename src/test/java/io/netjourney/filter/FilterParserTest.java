package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEventBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void noFilterMeansAllIp(String expression) {
        assertSame(Filter.ALL_IP, FilterParser.parse(expression));
        assertEquals("ip or ip6", Filter.ALL_IP.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "tcp ; tcp",
        "ICMP ; icmp",
        "icmp6 ; icmp6",
        "udp;udp",
        "arp ; arp",
        "ip ; ip",
        "ip6 ; ip6",
        "host 198.51.100.1 ; host 198.51.100.1",
        "src host 198.51.100.1 ; src host 198.51.100.1",
        "dst host 2001:DB8:0:0::1 ; dst host 2001:db8::1",
        "host ::ffff:192.0.2.1 ; host ::ffff:c000:201",
        "net 198.51.100.0/24 ; net 198.51.100.0/24",
        "src net 10.0.0.0/8 ; src net 10.0.0.0/8",
        "dst net 2001:db8::/32 ; dst net 2001:db8::/32",
        "net 0.0.0.0/0 ; net 0.0.0.0/0",
        "net ::/0 ; net ::/0",
        "net 198.51.100.7 ; host 198.51.100.7",
        "net 198.51.100.7/32 ; host 198.51.100.7",
        "net 10.1.0.0 mask 255.255.0.0 ; net 10.1.0.0/16",
        "net 0.0.0.0 mask 0.0.0.0 ; net 0.0.0.0/0",
        "port 80 ; port 80",
        "src port 0 ; src port 0",
        "dst port 65535 ; dst port 65535",
        "tcp port 80 ; tcp and port 80",
        "udp dst port 53 ; udp and dst port 53",
        "ip6 src net 2001:db8::/32 ; ip6 and src net 2001:db8::/32",
        "arp host 192.0.2.1 ; arp and host 192.0.2.1",
        "tcp && port 80 || udp ; tcp and port 80 or udp",
        "tcp and (port 80 or port 443) ; tcp and (port 80 or port 443)",
        "(tcp and port 80) or udp ; tcp and port 80 or udp",
        "tcp or udp and icmp ; tcp or udp and icmp",
        "(tcp or udp) and icmp ; (tcp or udp) and icmp",
        "tcp or (udp or icmp) ; tcp or (udp or icmp)",
        "(tcp or udp) or icmp ; tcp or udp or icmp",
        "tcp and (udp and icmp) ; tcp and (udp and icmp)",
        "! tcp ; not tcp",
        "!tcp&&!udp ; not tcp and not udp",
        "not not tcp ; not not tcp",
        "not (tcp or udp) ; not (tcp or udp)",
        "not (tcp and udp) ; not (tcp and udp)",
        "NOT TCP AND PORT 22 ; not tcp and port 22",
        "((((tcp)))) ; tcp",
        "not tcp port 80 ; not (tcp and port 80)",
    })
    void parsesToCanonicalForm(String expression, String canonical) {
        Filter filter = FilterParser.parse(expression);
        assertEquals(canonical, filter.toString());
        assertEquals(filter, FilterParser.parse(canonical), "canonical form re-parses to an equal filter");
    }

    @Test
    void precedenceIsNotThenAndThenOrLeftAssociative() {
        ProtocolFilter tcp = new ProtocolFilter(Protocol.TCP);
        ProtocolFilter udp = new ProtocolFilter(Protocol.UDP);
        ProtocolFilter icmp = new ProtocolFilter(Protocol.ICMP);
        assertEquals(new OrFilter(tcp, new AndFilter(udp, icmp)), FilterParser.parse("tcp or udp and icmp"));
        assertEquals(new OrFilter(new AndFilter(new NotFilter(tcp), udp), icmp),
                FilterParser.parse("not tcp and udp or icmp"));
        assertEquals(new AndFilter(new AndFilter(tcp, udp), icmp), FilterParser.parse("tcp and udp and icmp"));
        assertEquals(new OrFilter(new OrFilter(tcp, udp), icmp), FilterParser.parse("tcp or udp or icmp"));
    }

    @Test
    void buildsTheExpectedTree() {
        Filter filter = FilterParser.parse("src net 10.0.0.0/8 and dst port 53");
        IpNetwork ten = new IpNetwork(HopEventBuilder.ip("10.0.0.0"), 8);
        assertEquals(new AndFilter(new AddressFilter(Direction.SRC, ten), new PortFilter(Direction.DST, 53)), filter);
        assertEquals(4, ten.family());
        assertEquals(6, IpNetwork.host(HopEventBuilder.ip("2001:db8::1")).family());
    }

    @Test
    void ipv4MappedAddressStaysIpv6() {
        AddressFilter host = (AddressFilter) FilterParser.parse("host ::ffff:192.0.2.1");
        assertEquals(6, host.network().family());
        assertEquals(128, host.network().prefixLength());
    }

    @Test
    void longExpressionsRoundTrip() {
        StringBuilder b = new StringBuilder("port 1");
        for (int i = 2; i <= 40; i++) {
            b.append(i % 3 == 0 ? " and not " : " or ").append("port ").append(i);
        }
        Filter filter = FilterParser.parse(b.toString());
        assertEquals(filter, FilterParser.parse(filter.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        // expression ; column ; token ; reason fragment
        "tcp prot 80 ; 5 ; prot ; unknown keyword 'prot'",
        "prot ; 1 ; prot ; unknown keyword 'prot'",
        "host ; 1 ; host ; 'host' needs an address",
        "tcp and host ; 9 ; host ; 'host' needs an address",
        "src ; 1 ; src ; 'src' needs 'host', 'net' or 'port'",
        "src tcp ; 5 ; tcp ; expected 'host', 'net' or 'port' after 'src'",
        "host 300.1.1.1 ; 6 ; 300.1.1.1 ; invalid IPv4 address '300.1.1.1'",
        "host 1.2.3 ; 6 ; 1.2.3 ; invalid IPv4 address",
        "host 2001:db8::1::2 ; 6 ; 2001:db8::1::2 ; invalid IPv6 address",
        "host example.com ; 6 ; example.com ; host names are not resolved",
        "host fe80::1%eth0 ; 6 ; fe80::1%eth0 ; scoped IPv6 address",
        "host 10.0.0.0/8 ; 6 ; 10.0.0.0/8 ; use 'net 10.0.0.0/8'",
        "port 70000 ; 6 ; 70000 ; port 70000 out of range (0-65535)",
        "port 99999999999 ; 6 ; 99999999999 ; out of range",
        "port abc ; 6 ; abc ; invalid port 'abc'",
        "port -1 ; 6 ; -1 ; invalid port",
        "port ; 1 ; port ; 'port' needs a port number",
        "port ( ; 6 ; ( ; expected a port number after 'port'",
        "net 10.0.0.0/33 ; 14 ; 33 ; invalid prefix length '33' for an IPv4 network (expected 0-32)",
        "net 2001:db8::/129 ; 16 ; 129 ; invalid prefix length '129' for an IPv6 network (expected 0-128)",
        "net 10.0.0.0/x ; 14 ; x ; invalid prefix length 'x'",
        "net 10.0.0.1/8 ; 5 ; 10.0.0.1/8 ; non-network bits set in 10.0.0.1/8 (the network is 10.0.0.0/8)",
        "net 2001:db8::1/32 ; 5 ; 2001:db8::1/32 ; (the network is 2001:db8::/32)",
        "net 10.0.0.0 mask 255.0.255.0 ; 19 ; 255.0.255.0 ; not contiguous",
        "net 10.0.0.0/8 mask 255.0.0.0 ; 16 ; mask ; 'mask' cannot follow a prefix length",
        "net 2001:db8:: mask ffff:: ; 21 ; ffff:: ; IPv4 only",
        "net 10.0.0.1 mask 255.0.0.0 ; 1 ; net 10.0.0.1 mask 255.0.0.0 ; non-network bits set",
        "net ; 1 ; net ; 'net' needs a network",
        "(tcp ; 1 ; ( ; '(' is never closed",
        "((tcp) ; 1 ; ( ; '(' is never closed",
        "tcp) ; 4 ; ) ; unbalanced ')'",
        "(tcp)) ; 6 ; ) ; unbalanced ')'",
        "() ; 1 ; () ; empty parentheses",
        "tcp and ( ) ; 9 ; ( ) ; empty parentheses",
        "tcp and ; 5 ; and ; 'and' needs an operand after it",
        "tcp or ; 5 ; or ; 'or' needs an operand after it",
        "tcp && ; 5 ; && ; '&&' needs an operand after it",
        "not ; 1 ; not ; 'not' needs an operand after it",
        "and tcp ; 1 ; and ; 'and' needs an operand on its left",
        "|| tcp ; 1 ; || ; '||' needs an operand on its left",
        "tcp and and udp ; 9 ; and ; unexpected 'and'",
        "tcp and ) ; 9 ; ) ; missing operand before ')'",
        "tcp udp ; 5 ; udp ; unexpected 'udp' (expected 'and', 'or' or end of filter)",
        "tcp 80 ; 5 ; 80 ; unknown keyword '80'",
        "(tcp udp) ; 6 ; udp ; expected 'and', 'or' or ')'",
        "80 ; 1 ; 80 ; did you mean 'port 80'?",
        "10.0.0.1 ; 1 ; 10.0.0.1 ; write 'host ADDR'",
        "tcp & udp ; 5 ; & ; did you mean '&&'?",
        "tcp | udp ; 5 ; | ; did you mean '||'?",
        "icmp port 80 ; 1 ; icmp port 80 ; 'icmp' has no ports",
        "arp src port 80 ; 1 ; arp src port 80 ; 'arp' has no ports",
        // the namespaces of FilterNamespaces
        "netns nj-ctr9 ; 7 ; nj-ctr9 ; unknown namespace 'nj-ctr9' (known: docker:web1, host, nj-ctr1, "
                + "pod:default/api, podman:web1; or give its inode)",
        "icmp and netns web1 ; 16 ; web1 ; unknown namespace 'web1'",
        "container nope ; 11 ; nope ; no container named 'nope' (containers: docker:web1, pod:default/api, "
                + "podman:web1)",
        "container docker:web1 ; 11 ; docker:web1 ; no container named 'docker:web1'",
        "netns ; 1 ; netns ; 'netns' needs a namespace name or inode after it",
        "container ; 1 ; container ; 'container' needs a container name after it",
        "ifname ; 1 ; ifname ; 'ifname' needs an interface name after it",
        "netns ( ; 7 ; ( ; expected a namespace name or inode after 'netns'",
        "netns 0 ; 7 ; 0 ; namespace inode 0 out of range (1-4294967295)",
        "netns 4294967296 ; 7 ; 4294967296 ; out of range",
        "netns 99999999999999999999 ; 7 ; 99999999999999999999 ; out of range",
        "ifname abcdefghijklmnop ; 8 ; abcdefghijklmnop ; interface name 'abcdefghijklmnop' is 16 bytes long; "
                + "Linux allows at most 15",
        "ifname eth0 eth1 ; 13 ; eth1 ; unknown keyword 'eth1'",
        "tcp netns host ; 5 ; netns ; unexpected 'netns' (expected 'and', 'or' or end of filter)",
        "src netns host ; 5 ; netns ; expected 'host', 'net' or 'port' after 'src'",
    })
    void rejectsWithPosition(String expression, int column, String token, String reason) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterNamespaces.parse(expression));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(column - 1, e.offset());
        assertEquals(token, e.token(), e.getMessage());
        assertEquals(token.length(), e.length());
        assertEquals(expression, e.expression());
        assertTrue(e.reason().contains(reason), () -> "reason: " + e.reason());
    }

    @Test
    void messageShowsColumnAndCarets() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("tcp prot 80"));
        assertEquals("invalid filter at column 5: " + e.reason() + "\n  tcp prot 80\n      ^^^^", e.getMessage());
        assertTrue(e.reason().startsWith("unknown keyword 'prot' (expected "), e.reason());
    }

    @Test
    void caretsFollowTabs() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("tcp\tand\tfoo"));
        assertTrue(e.getMessage().endsWith("\n  tcp\tand\tfoo\n     \t   \t^^^"), e.getMessage());
    }

    @Test
    void tooDeepNestingIsASyntaxError() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("not ".repeat(100) + "(".repeat(100_000) + "tcp" + ")".repeat(100_000)));
        assertEquals(557, e.column());
        assertTrue(e.reason().contains("nested more than 256 deep"), e.reason());
    }

    @Test
    void fullyParenthesizedDeepNestingParses() {
        String expression = "(".repeat(200) + "tcp" + ")".repeat(200);
        assertEquals(new ProtocolFilter(Protocol.TCP), FilterParser.parse(expression));
    }
}
