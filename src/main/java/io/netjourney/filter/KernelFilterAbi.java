package io.netjourney.filter;

/**
 * The in-kernel filter program format: struct nj_config and struct nj_filter_insn with their enums.
 * Keep in sync with bpf/netjourney.h (checked by KernelFilterAbiTest).
 */
final class KernelFilterAbi {
    static final int MAX_INSNS = 32;
    static final int INSN_SIZE = 40;
    static final int CONFIG_HEADER_SIZE = 8;
    static final int CONFIG_SIZE = CONFIG_HEADER_SIZE + MAX_INSNS * INSN_SIZE;

    /** struct nj_config field offsets. */
    static final int CONFIG_FILTER_LEN = 0;
    static final int CONFIG_FILTER = 8;

    /** struct nj_filter_insn field offsets. */
    static final int INSN_OP = 0;
    static final int INSN_DIR = 1;
    static final int INSN_FAMILY = 2;
    static final int INSN_PROTO = 3;
    static final int INSN_PORT = 4;
    static final int INSN_VALUE = 8;
    static final int INSN_MASK = 24;

    /** enum nj_filter_op */
    static final int OP_PROTO = 1;
    static final int OP_ADDR = 2;
    static final int OP_PORT = 3;
    static final int OP_AND = 4;
    static final int OP_OR = 5;
    static final int OP_NOT = 6;
    static final int OP_TRUE = 7;
    static final int OP_NETNS = 8;
    static final int OP_IFNAME = 9;

    /** enum nj_filter_dir */
    static final int DIR_ANY = 0;
    static final int DIR_SRC = 1;
    static final int DIR_DST = 2;

    /** enum nj_filter_proto */
    static final int PROTO_IP = 1;
    static final int PROTO_IP6 = 2;
    static final int PROTO_ARP = 3;
    static final int PROTO_ICMP = 4;
    static final int PROTO_ICMP6 = 5;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 7;

    /** enum nj_filter_verdict: what the compiled filter returns, besides the stage it needs next. */
    static final int FILTER_REJECT = 0;
    static final int FILTER_MATCH = 1;

    /** enum nj_stage: the parsing stages the compiled filter asks for, and finds done in r2. */
    static final int STAGE_PLACE = 2;
    static final int STAGE_NETWORK = 4;
    static final int STAGE_TRANSPORT = 8;

    private KernelFilterAbi() {
    }
}
