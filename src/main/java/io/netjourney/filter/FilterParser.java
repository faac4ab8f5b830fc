package io.netjourney.filter;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses tcpdump-style filter expressions.
 *
 * <pre>
 * expr      := and ( ("or" | "||") and )*
 * and       := unary ( ("and" | "&amp;&amp;") unary )*
 * unary     := ("not" | "!") unary | "(" expr ")" | primitive
 * primitive := proto [qualified] | qualified | place
 * qualified := ["src" | "dst"] ( "host" ADDR | "net" ADDR[/LEN] ["mask" MASK] | "port" N )
 * proto     := "ip" | "ip6" | "arp" | "icmp" | "icmp6" | "tcp" | "udp"
 * place     := "netns" (NAME | INODE) | "container" NAME | "ifname" NAME
 * </pre>
 *
 * A protocol followed by a qualified primitive ({@code tcp port 80}) means both ({@code tcp and port 80}).
 * Keywords are case-insensitive. A null or blank expression is {@link Filter#ALL_IP}.
 *
 * <p>Namespace and container names stand for the namespaces a {@link NamespaceDirectory} knows by that name when
 * the filter is parsed; a name it does not know is an error that lists the names it knows.
 */
public final class FilterParser {
    private static final int MAX_NESTING = 256;
    private static final String PRIMITIVES =
            "ip, ip6, arp, icmp, icmp6, tcp, udp, host, net, port, src, dst, netns, container, ifname";
    private static final long MAX_INODE = 0xffff_ffffL;

    private final String expression;
    private final List<Token> tokens;
    private final AddressParser addresses;
    private final NamespaceResolver namespaces;
    private int next;
    private int nesting;

    private FilterParser(String expression, NamespaceDirectory namespaces) {
        this.expression = expression;
        this.tokens = FilterLexer.tokens(expression);
        this.addresses = new AddressParser(expression);
        this.namespaces = new NamespaceResolver(namespaces);
    }

    /**
     * Parses with names of this machine's namespaces ({@link NamespaceDirectory#THIS_MACHINE}).
     *
     * @throws FilterSyntaxException pointing at the offending token
     */
    public static Filter parse(String expression) {
        return parse(expression, NamespaceDirectory.THIS_MACHINE);
    }

    /**
     * @param namespaces what netns and container names stand for; asked only when the filter names one
     * @throws FilterSyntaxException pointing at the offending token
     */
    public static Filter parse(String expression, NamespaceDirectory namespaces) {
        if (expression == null || expression.isBlank()) {
            return Filter.ALL_IP;
        }
        FilterParser parser = new FilterParser(expression, namespaces);
        Filter filter = parser.or();
        Token t = parser.peek();
        if (!t.is(Token.Kind.END)) {
            throw parser.unexpected(t, "'and', 'or' or end of filter");
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (peek().is(Token.Kind.OR)) {
            take();
            left = new OrFilter(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (peek().is(Token.Kind.AND)) {
            take();
            left = new AndFilter(left, unary());
        }
        return left;
    }

    private Filter unary() {
        Token t = take();
        switch (t.kind()) {
            case NOT:
                return new NotFilter(nested(t));
            case LPAREN:
                return parenthesized(t);
            case WORD:
                return primitive(t);
            case END:
                throw missingOperand();
            case RPAREN:
                throw error(t, "missing operand before ')'");
            default:
                if (next == 1 && (t.is(Token.Kind.AND) || t.is(Token.Kind.OR))) {
                    throw error(t, t.describe() + " needs an operand on its left");
                }
                throw unexpected(t, "a primitive (" + PRIMITIVES + "), 'not' or '('");
        }
    }

    private Filter parenthesized(Token open) {
        if (peek().is(Token.Kind.RPAREN)) {
            throw new FilterSyntaxException(expression, open.offset(), peek().end() - open.offset(),
                    "empty parentheses");
        }
        Filter inner = nested(open);
        Token close = take();
        if (close.is(Token.Kind.END)) {
            throw error(open, "'(' is never closed");
        }
        if (!close.is(Token.Kind.RPAREN)) {
            throw unexpected(close, "'and', 'or' or ')'");
        }
        return inner;
    }

    /** The operand of 'not' or the inside of '(': bounded, so hostile input cannot overflow the stack. */
    private Filter nested(Token opener) {
        if (++nesting > MAX_NESTING) {
            throw error(opener, "nested more than " + MAX_NESTING + " deep");
        }
        Filter inner = opener.is(Token.Kind.NOT) ? unary() : or();
        nesting--;
        return inner;
    }

    private Filter primitive(Token t) {
        if (isPlaceKeyword(t)) {
            return place(t);
        }
        Protocol protocol = Protocol.byKeyword(lower(t));
        if (protocol == null) {
            return qualified(t);
        }
        Token following = peek();
        if (!isQualifiedStart(following)) {
            return new ProtocolFilter(protocol);
        }
        take();
        Filter qualified = qualified(following);
        boolean portless = protocol == Protocol.ARP || protocol == Protocol.ICMP || protocol == Protocol.ICMP6;
        if (qualified instanceof PortFilter && portless) {
            throw new FilterSyntaxException(expression, t.offset(), tokens.get(next - 1).end() - t.offset(),
                    "'" + protocol + "' has no ports; 'port' applies to tcp and udp");
        }
        return new AndFilter(new ProtocolFilter(protocol), qualified);
    }

    private static boolean isQualifiedStart(Token t) {
        return t.isWord("src") || t.isWord("dst") || t.isWord("host") || t.isWord("net") || t.isWord("port");
    }

    private Filter qualified(Token t) {
        Direction direction = Direction.ANY;
        Token keyword = t;
        if (t.isWord("src") || t.isWord("dst")) {
            direction = t.isWord("src") ? Direction.SRC : Direction.DST;
            keyword = take();
            if (!keyword.isWord("host") && !keyword.isWord("net") && !keyword.isWord("port")) {
                throw keyword.is(Token.Kind.END) ? error(t, t.describe() + " needs 'host', 'net' or 'port' after it")
                        : unexpected(keyword, "'host', 'net' or 'port' after " + t.describe());
            }
        }
        if (keyword.isWord("host")) {
            return new AddressFilter(direction, host(keyword));
        }
        if (keyword.isWord("net")) {
            return new AddressFilter(direction, net(keyword));
        }
        if (keyword.isWord("port")) {
            return new PortFilter(direction, port(keyword));
        }
        throw unknownPrimitive(t);
    }

    private static boolean isPlaceKeyword(Token t) {
        return t.isWord("netns") || t.isWord("container") || t.isWord("ifname");
    }

    private Filter place(Token keyword) {
        if (keyword.isWord("ifname")) {
            Token value = operand(keyword, "an interface name");
            IfnameFilter.problem(value.text()).ifPresent(reason -> {
                throw error(value, reason);
            });
            return new IfnameFilter(value.text());
        }
        if (keyword.isWord("container")) {
            Token value = operand(keyword, "a container name");
            Set<Long> inodes = namespaces.container(value.text());
            if (inodes.isEmpty()) {
                throw error(value, "no container named '" + value.text() + "' (containers: "
                        + namespaces.knownContainers() + ")");
            }
            return new NetnsFilter(NetnsFilter.Keyword.CONTAINER, value.text(), inodes);
        }
        Token value = operand(keyword, "a namespace name or inode");
        if (value.text().matches("[0-9]+")) {
            return NetnsFilter.inode(inode(value));
        }
        Set<Long> inodes = namespaces.namespace(value.text());
        if (inodes.isEmpty()) {
            throw error(value, "unknown namespace '" + value.text() + "' (known: " + namespaces.knownNamespaces()
                    + "; or give its inode)");
        }
        return new NetnsFilter(NetnsFilter.Keyword.NETNS, value.text(), inodes);
    }

    private long inode(Token value) {
        String text = value.text();
        if (text.length() > 10 || Long.parseLong(text) > MAX_INODE || Long.parseLong(text) == 0) {
            throw error(value, "namespace inode " + text + " out of range (1-" + MAX_INODE + ")");
        }
        return Long.parseLong(text);
    }

    private IpNetwork host(Token keyword) {
        Token value = operand(keyword, "an address");
        if (value.text().contains("/")) {
            throw error(value, "'host' takes an address, not a network: use 'net " + value.text() + "'");
        }
        return IpNetwork.host(addresses.address(value));
    }

    private IpNetwork net(Token keyword) {
        Token value = operand(keyword, "a network (A/len)");
        if (!peek().isWord("mask")) {
            return addresses.network(value);
        }
        Token mask = take();
        if (value.text().contains("/")) {
            throw error(mask, "'mask' cannot follow a prefix length");
        }
        InetAddress address = addresses.address(value);
        return addresses.maskedNetwork(keyword, address, operand(mask, "a netmask"));
    }

    private int port(Token keyword) {
        Token value = operand(keyword, "a port number");
        String text = value.text();
        if (!text.matches("[0-9]+")) {
            throw error(value, "invalid port " + value.describe()
                    + " (expected a number 0-65535; service names are not supported)");
        }
        if (text.length() > 5 || Integer.parseInt(text) > PortFilter.MAX_PORT) {
            throw error(value, "port " + text + " out of range (0-65535)");
        }
        return Integer.parseInt(text);
    }

    /** The word after a keyword that needs one. */
    private Token operand(Token keyword, String what) {
        Token value = take();
        if (!value.is(Token.Kind.WORD)) {
            throw value.is(Token.Kind.END) ? error(keyword, keyword.describe() + " needs " + what + " after it")
                    : unexpected(value, what + " after " + keyword.describe());
        }
        return value;
    }

    private FilterSyntaxException unknownPrimitive(Token t) {
        String text = t.text();
        if (text.matches("[0-9]+")) {
            return error(t, "unexpected number '" + text + "' (did you mean 'port " + text + "'?)");
        }
        if (text.contains(":") || text.matches("[0-9./]+")) {
            return error(t, "unexpected address '" + text + "' (write 'host ADDR' or 'net ADDR/LEN')");
        }
        return error(t, "unknown keyword '" + text + "' (expected " + PRIMITIVES + ", 'not' or '(')");
    }

    private FilterSyntaxException unexpected(Token t, String expected) {
        if (t.is(Token.Kind.RPAREN)) {
            return error(t, "unbalanced ')': no '(' to close");
        }
        if (t.is(Token.Kind.WORD) && !isKeyword(t)) {
            return error(t, "unknown keyword '" + t.text() + "' (expected " + expected + ")");
        }
        return error(t, "unexpected " + t.describe() + " (expected " + expected + ")");
    }

    private FilterSyntaxException missingOperand() {
        Token previous = tokens.get(next - 1);
        return error(previous, previous.describe() + " needs an operand after it");
    }

    private static boolean isKeyword(Token t) {
        return Protocol.byKeyword(lower(t)) != null || isQualifiedStart(t) || isPlaceKeyword(t) || t.isWord("mask");
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }

    private FilterSyntaxException error(Token t, String reason) {
        return new FilterSyntaxException(expression, t.offset(), t.text().length(), reason);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (!t.is(Token.Kind.END)) {
            next++;
        }
        return t;
    }
}
