package io.netjourney.filter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-side reader of struct nj_config bytes and a line-by-line port of filter_matches()/insn_matches()
 * from bpf/netjourney.bpf.c, run over struct nj_hop bytes.
 */
final class KernelProgram {
    /** struct nj_hop offsets (HopRecord layout). */
    private static final int HOP_SADDR = 24;
    private static final int HOP_DADDR = 40;
    static final int HOP_NETNS_INO = 56;
    static final int HOP_IFNAME = 132;
    private static final int HOP_ETHERTYPE = 92;
    private static final int HOP_SPORT = 96;
    private static final int HOP_DPORT = 98;
    private static final int HOP_FLAGS = 110;
    private static final int HOP_L4_PROTO = 112;
    private static final int HOP_EVENT = 168;
    private static final int NJ_EV_FIB = 2;
    private static final int HOP_ADDR_FAMILY = 117;

    private static final int ETH_P_IP = 0x0800;
    private static final int ETH_P_ARP = 0x0806;
    private static final int ETH_P_IPV6 = 0x86DD;
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;
    private static final int NEXTHDR_ICMP = 58;
    private static final int NJ_F_TRUNCATED = 1 << 3;
    private static final int NJ_F_NO_L4 = 1 << 4;

    private final ByteBuffer config;

    KernelProgram(byte[] config) {
        this.config = ByteBuffer.wrap(config).order(ByteOrder.LITTLE_ENDIAN);
    }

    int length() {
        return config.getInt(KernelFilterAbi.CONFIG_FILTER_LEN);
    }

    int base(int insn) {
        return KernelFilterAbi.CONFIG_FILTER + insn * KernelFilterAbi.INSN_SIZE;
    }

    int op(int insn) {
        return u8(config, base(insn) + KernelFilterAbi.INSN_OP);
    }

    int dir(int insn) {
        return u8(config, base(insn) + KernelFilterAbi.INSN_DIR);
    }

    int family(int insn) {
        return u8(config, base(insn) + KernelFilterAbi.INSN_FAMILY);
    }

    int proto(int insn) {
        return u8(config, base(insn) + KernelFilterAbi.INSN_PROTO);
    }

    int port(int insn) {
        return u16(config, base(insn) + KernelFilterAbi.INSN_PORT);
    }

    long value(int insn, int word) {
        return config.getLong(base(insn) + KernelFilterAbi.INSN_VALUE + 8 * word);
    }

    long mask(int insn, int word) {
        return config.getLong(base(insn) + KernelFilterAbi.INSN_MASK + 8 * word);
    }

    /** filter_matches(): the stack of booleans kept as bits of a u64. */
    boolean matches(byte[] hopRecord) {
        ByteBuffer h = ByteBuffer.wrap(hopRecord).order(ByteOrder.LITTLE_ENDIAN);
        int len = length();
        long stack = 0;
        int depth = 0;
        if (len == 0) {
            return true;
        }
        for (int i = 0; i < KernelFilterAbi.MAX_INSNS; i++) {
            if (i >= len) {
                break;
            }
            long top = stack & 1;
            long below = (stack >>> 1) & 1;
            switch (op(i)) {
                case KernelFilterAbi.OP_AND:
                    stack = (stack >>> 2) << 1 | (top & below);
                    depth--;
                    break;
                case KernelFilterAbi.OP_OR:
                    stack = (stack >>> 2) << 1 | (top | below);
                    depth--;
                    break;
                case KernelFilterAbi.OP_NOT:
                    stack ^= 1;
                    break;
                default:
                    stack = stack << 1 | (insnMatches(h, i) ? 1 : 0);
                    depth++;
            }
        }
        return depth == 1 && (stack & 1) != 0;
    }

    private boolean insnMatches(ByteBuffer h, int i) {
        boolean transportUnknown = u8(h, HOP_EVENT) == NJ_EV_FIB && u8(h, HOP_L4_PROTO) == 0;
        if (transportUnknown && (op(i) == KernelFilterAbi.OP_PORT || op(i) == KernelFilterAbi.OP_PROTO
                && proto(i) != KernelFilterAbi.PROTO_IP && proto(i) != KernelFilterAbi.PROTO_IP6
                && proto(i) != KernelFilterAbi.PROTO_ARP)) {
            return true;
        }
        switch (op(i)) {
            case KernelFilterAbi.OP_TRUE:
                return true;
            case KernelFilterAbi.OP_PROTO:
                return protoMatches(h, proto(i));
            case KernelFilterAbi.OP_ADDR:
                if (u8(h, HOP_ADDR_FAMILY) != family(i)) {
                    return false;
                }
                return dir(i) != KernelFilterAbi.DIR_DST && maskedEqual(h, HOP_SADDR, i)
                        || dir(i) != KernelFilterAbi.DIR_SRC && maskedEqual(h, HOP_DADDR, i);
            case KernelFilterAbi.OP_PORT:
                int l4 = u8(h, HOP_L4_PROTO);
                if (u16(h, HOP_ETHERTYPE) == ETH_P_ARP || l4 != IPPROTO_TCP && l4 != IPPROTO_UDP
                        || (u16(h, HOP_FLAGS) & (NJ_F_NO_L4 | NJ_F_TRUNCATED)) != 0) {
                    return false;
                }
                return dir(i) != KernelFilterAbi.DIR_DST && u16(h, HOP_SPORT) == port(i)
                        || dir(i) != KernelFilterAbi.DIR_SRC && u16(h, HOP_DPORT) == port(i);
            case KernelFilterAbi.OP_NETNS:
                return h.getInt(HOP_NETNS_INO) == (int) value(i, 0);
            case KernelFilterAbi.OP_IFNAME:
                return maskedEqual(h, HOP_IFNAME, i);
            default:
                return false;
        }
    }

    private boolean maskedEqual(ByteBuffer h, int offset, int i) {
        long a0 = h.getLong(offset);
        long a1 = h.getLong(offset + 8);
        return (a0 & mask(i, 0)) == value(i, 0) && (a1 & mask(i, 1)) == value(i, 1);
    }

    private static boolean protoMatches(ByteBuffer h, int proto) {
        int ethertype = u16(h, HOP_ETHERTYPE);
        int l4 = u8(h, HOP_L4_PROTO);
        boolean family = u8(h, HOP_ADDR_FAMILY) != 0;
        switch (proto) {
            case KernelFilterAbi.PROTO_IP:
                return ethertype == ETH_P_IP;
            case KernelFilterAbi.PROTO_IP6:
                return ethertype == ETH_P_IPV6;
            case KernelFilterAbi.PROTO_ARP:
                return ethertype == ETH_P_ARP;
            case KernelFilterAbi.PROTO_ICMP:
                return ethertype == ETH_P_IP && l4 == IPPROTO_ICMP;
            case KernelFilterAbi.PROTO_ICMP6:
                return ethertype == ETH_P_IPV6 && l4 == NEXTHDR_ICMP;
            case KernelFilterAbi.PROTO_TCP:
                return family && ethertype != ETH_P_ARP && l4 == IPPROTO_TCP;
            case KernelFilterAbi.PROTO_UDP:
                return family && ethertype != ETH_P_ARP && l4 == IPPROTO_UDP;
            default:
                return false;
        }
    }

    static int u8(ByteBuffer b, int offset) {
        return Byte.toUnsignedInt(b.get(offset));
    }

    static int u16(ByteBuffer b, int offset) {
        return Short.toUnsignedInt(b.getShort(offset));
    }
}
