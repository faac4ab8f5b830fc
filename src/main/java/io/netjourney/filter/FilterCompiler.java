package io.netjourney.filter;

import io.netjourney.bpf.BpfAssembler;
import io.netjourney.bpf.BpfAssembler.Condition;
import io.netjourney.bpf.BpfAssembler.Label;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Packet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Compiles a {@link Filter} to straight-line BPF: a function of the record being filled (r1: struct nj_hop) and of
 * the parsing stages done so far (r2: NJ_STAGE_* bits) that returns NJ_FILTER_REJECT, NJ_FILTER_MATCH, or the
 * stage it needs before it can answer (bpf/netjourney.h). Each primitive first checks that its stage is done, then
 * loads the fields it tests; and, or and not are jumps (short-circuit), so a primitive whose answer cannot change
 * the result is never evaluated and its stage never asked for. The answers are those of {@link Filter#matches} on
 * the record the kernel would submit.
 */
final class FilterCompiler {
    private static final int HOP = 1;
    private static final int STAGES = 2;
    private static final int FIELD = 3;
    private static final int OPERAND = 4;

    /** The parsing stages the kernel side fills on demand; a primitive's fields are filled by one of them. */
    enum Stage {
        /** netns_ino, ifname */
        PLACE(KernelFilterAbi.STAGE_PLACE),
        /** ethertype, addr_family, saddr, daddr, l4_proto (flags: those of the network header) */
        NETWORK(KernelFilterAbi.STAGE_NETWORK),
        /** sport, dport, flags */
        TRANSPORT(KernelFilterAbi.STAGE_TRANSPORT);

        final int bit;

        Stage(int bit) {
            this.bit = bit;
        }
    }

    private final BpfAssembler asm = new BpfAssembler();
    private final Map<Stage, Label> needs = new EnumMap<>(Stage.class);

    private FilterCompiler() {
    }

    /** The function's instructions ({@link BpfAssembler#INSN_SIZE} bytes each). */
    static byte[] compile(Filter filter) {
        FilterCompiler c = new FilterCompiler();
        Label match = c.asm.newLabel();
        Label reject = c.asm.newLabel();
        c.emit(filter, match, reject);
        c.asm.bind(reject);
        c.asm.move(0, KernelFilterAbi.FILTER_REJECT);
        c.asm.exit();
        c.asm.bind(match);
        c.asm.move(0, KernelFilterAbi.FILTER_MATCH);
        c.asm.exit();
        for (Map.Entry<Stage, Label> need : c.needs.entrySet()) {
            c.asm.bind(need.getValue());
            c.asm.move(0, need.getKey().bit);
            c.asm.exit();
        }
        return c.asm.assemble();
    }

    /**
     * The stages every run of the compiled filter needs: the first primitive it evaluates always runs. Filled before
     * the first run, they save the kernel side a round of asking.
     */
    static int firstStages(Filter filter) {
        Filter first = filter;
        while (first instanceof NotFilter || first instanceof AndFilter || first instanceof OrFilter) {
            first = first instanceof NotFilter not ? not.operand()
                    : first instanceof AndFilter and ? and.left() : ((OrFilter) first).left();
        }
        return stageOf(first).bit;
    }

    /** The stage that fills what a primitive tests. */
    private static Stage stageOf(Filter primitive) {
        if (primitive instanceof NetnsFilter || primitive instanceof IfnameFilter) {
            return Stage.PLACE;
        }
        return primitive instanceof PortFilter ? Stage.TRANSPORT : Stage.NETWORK;
    }

    /** A function that matches everything. */
    static byte[] matchAll() {
        BpfAssembler asm = new BpfAssembler();
        asm.move(0, KernelFilterAbi.FILTER_MATCH);
        asm.exit();
        return asm.assemble();
    }

    /** Code that jumps to onTrue when the filter matches, else to onFalse; it never falls through. */
    private void emit(Filter f, Label onTrue, Label onFalse) {
        if (f instanceof NotFilter not) {
            emit(not.operand(), onFalse, onTrue);
        } else if (f instanceof AndFilter and) {
            Label right = asm.newLabel();
            emit(and.left(), right, onFalse);
            asm.bind(right);
            emit(and.right(), onTrue, onFalse);
        } else if (f instanceof OrFilter or) {
            Label right = asm.newLabel();
            emit(or.left(), onTrue, right);
            asm.bind(right);
            emit(or.right(), onTrue, onFalse);
        } else {
            require(stageOf(f));
            primitive(f, onTrue, onFalse);
        }
    }

    /** A primitive's test, its stage done. */
    private void primitive(Filter f, Label onTrue, Label onFalse) {
        if (f instanceof ProtocolFilter p) {
            protocol(p.protocol(), onTrue, onFalse);
        } else if (f instanceof AddressFilter a) {
            address(a, onTrue, onFalse);
        } else if (f instanceof PortFilter p) {
            port(p, onTrue, onFalse);
        } else if (f instanceof NetnsFilter n) {
            asm.loadWord(FIELD, HOP, HopRecord.NETNS_INO);
            for (long inode : n.inodes()) {
                asm.jumpIf32(Condition.EQ, FIELD, (int) inode, onTrue);
            }
            asm.jump(onFalse);
        } else if (f instanceof IfnameFilter i) {
            byte[] name = Arrays.copyOf(i.bytes(), 16);
            byte[] mask = new byte[16];
            Arrays.fill(mask, 0, i.bytes().length + 1, (byte) 0xff);
            maskedEqual(HopRecord.IFNAME, name, mask, onFalse);
            asm.jump(onTrue);
        } else {
            throw new AssertionError(f);
        }
    }

    /** Protocol.matches: the same tests on ethertype, addr_family and l4_proto. */
    private void protocol(Protocol protocol, Label onTrue, Label onFalse) {
        switch (protocol) {
            case IP -> ethertypeIs(Packet.ETHERTYPE_IPV4, onTrue, onFalse);
            case IP6 -> ethertypeIs(Packet.ETHERTYPE_IPV6, onTrue, onFalse);
            case ARP -> ethertypeIs(Packet.ETHERTYPE_ARP, onTrue, onFalse);
            case ICMP -> ipProtocol(Packet.ETHERTYPE_IPV4, Packet.PROTO_ICMP, onTrue, onFalse);
            case ICMP6 -> ipProtocol(Packet.ETHERTYPE_IPV6, Packet.PROTO_ICMPV6, onTrue, onFalse);
            case TCP -> transport(Packet.PROTO_TCP, onTrue, onFalse);
            case UDP -> transport(Packet.PROTO_UDP, onTrue, onFalse);
            default -> throw new AssertionError(protocol);
        }
    }

    private void ethertypeIs(int ethertype, Label onTrue, Label onFalse) {
        asm.loadHalf(FIELD, HOP, HopRecord.ETHERTYPE);
        asm.jumpIf(Condition.EQ, FIELD, ethertype, onTrue);
        asm.jump(onFalse);
    }

    private void ipProtocol(int ethertype, int l4, Label onTrue, Label onFalse) {
        passWhenTransportUnknown(onTrue);
        asm.loadHalf(FIELD, HOP, HopRecord.ETHERTYPE);
        asm.jumpIf(Condition.NE, FIELD, ethertype, onFalse);
        asm.loadByte(FIELD, HOP, HopRecord.L4_PROTO);
        asm.jumpIf(Condition.EQ, FIELD, l4, onTrue);
        asm.jump(onFalse);
    }

    /** tcp, udp: an IP address family, not ARP, that transport protocol. */
    private void transport(int l4, Label onTrue, Label onFalse) {
        passWhenTransportUnknown(onTrue);
        asm.loadByte(FIELD, HOP, HopRecord.ADDR_FAMILY);
        asm.jumpIf(Condition.EQ, FIELD, 0, onFalse);
        asm.loadHalf(FIELD, HOP, HopRecord.ETHERTYPE);
        asm.jumpIf(Condition.EQ, FIELD, Packet.ETHERTYPE_ARP, onFalse);
        asm.loadByte(FIELD, HOP, HopRecord.L4_PROTO);
        asm.jumpIf(Condition.EQ, FIELD, l4, onTrue);
        asm.jump(onFalse);
    }

    /** A routing decision made without protocol or ports passes protocol and port tests (EventAddresses). */
    private void passWhenTransportUnknown(Label onTrue) {
        Label known = asm.newLabel();
        asm.loadByte(FIELD, HOP, HopRecord.EVENT);
        asm.jumpIf(Condition.NE, FIELD, HopRecord.EV_FIB, known);
        asm.loadByte(FIELD, HOP, HopRecord.L4_PROTO);
        asm.jumpIf(Condition.EQ, FIELD, 0, onTrue);
        asm.bind(known);
    }

    private void address(AddressFilter a, Label onTrue, Label onFalse) {
        IpNetwork network = a.network();
        asm.loadByte(FIELD, HOP, HopRecord.ADDR_FAMILY);
        asm.jumpIf(Condition.NE, FIELD, network.family(), onFalse);
        byte[] value = Arrays.copyOf(network.bytes(), 16);
        byte[] mask = Arrays.copyOf(network.mask(), 16);
        if (network.prefixLength() == 0) {
            asm.jump(onTrue);
            return;
        }
        if (a.direction().includesSource()) {
            Label notSource = asm.newLabel();
            maskedEqual(HopRecord.SADDR, value, mask, notSource);
            asm.jump(onTrue);
            asm.bind(notSource);
        }
        if (a.direction().includesDestination()) {
            maskedEqual(HopRecord.DADDR, value, mask, onFalse);
            asm.jump(onTrue);
        } else {
            asm.jump(onFalse);
        }
    }

    private void port(PortFilter p, Label onTrue, Label onFalse) {
        passWhenTransportUnknown(onTrue);
        Label tcpOrUdp = asm.newLabel();
        asm.loadHalf(FIELD, HOP, HopRecord.ETHERTYPE);
        asm.jumpIf(Condition.EQ, FIELD, Packet.ETHERTYPE_ARP, onFalse);
        asm.loadByte(FIELD, HOP, HopRecord.L4_PROTO);
        asm.jumpIf(Condition.EQ, FIELD, Packet.PROTO_TCP, tcpOrUdp);
        asm.jumpIf(Condition.NE, FIELD, Packet.PROTO_UDP, onFalse);
        asm.bind(tcpOrUdp);
        asm.loadHalf(FIELD, HOP, HopRecord.FLAGS);
        asm.jumpIf(Condition.SET, FIELD, Packet.FLAG_NO_L4 | Packet.FLAG_TRUNCATED, onFalse);
        if (p.direction().includesSource()) {
            asm.loadHalf(FIELD, HOP, HopRecord.SPORT);
            asm.jumpIf(Condition.EQ, FIELD, p.port(), onTrue);
        }
        if (p.direction().includesDestination()) {
            asm.loadHalf(FIELD, HOP, HopRecord.DPORT);
            asm.jumpIf(Condition.EQ, FIELD, p.port(), onTrue);
        }
        asm.jump(onFalse);
    }

    /**
     * Falls through when the 16-byte field at offset, masked, equals the value (both already masked); else jumps to
     * onDifferent. Compares the 8-byte halves the mask covers, 4 bytes when only those are.
     */
    private void maskedEqual(int offset, byte[] value, byte[] mask, Label onDifferent) {
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer m = ByteBuffer.wrap(mask).order(ByteOrder.LITTLE_ENDIAN);
        for (int half = 0; half < 16; half += 8) {
            long maskHalf = m.getLong(half);
            if (maskHalf == 0) {
                continue;
            }
            long valueHalf = v.getLong(half);
            if (maskHalf >>> 32 == 0) {
                asm.loadWord(FIELD, HOP, offset + half);
                if (maskHalf != 0xffffffffL) {
                    asm.and(FIELD, (int) maskHalf);
                }
                asm.jumpIf32(Condition.NE, FIELD, (int) valueHalf, onDifferent);
                continue;
            }
            asm.loadDouble(FIELD, HOP, offset + half);
            if (maskHalf != -1L) {
                asm.loadImmediate(OPERAND, maskHalf);
                asm.andRegister(FIELD, OPERAND);
            }
            asm.loadImmediate(OPERAND, valueHalf);
            asm.jumpIfRegister(Condition.NE, FIELD, OPERAND, onDifferent);
        }
    }

    /** Jumps to the stage's "need" exit unless r2 says it is done. */
    private void require(Stage stage) {
        Label done = asm.newLabel();
        asm.jumpIf(Condition.SET, STAGES, stage.bit, done);
        asm.jump(needs.computeIfAbsent(stage, s -> asm.newLabel()));
        asm.bind(done);
    }
}
