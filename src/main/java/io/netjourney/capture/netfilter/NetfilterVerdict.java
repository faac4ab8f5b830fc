package io.netjourney.capture.netfilter;

import io.netjourney.capture.Crossing;

/**
 * The verdict an nftables (or iptables-nft) rule or chain policy gave a packet, from nftables' own tracing.
 *
 * @param netnsInode the namespace whose firewall decided
 * @param family     "ip", "ip6", "inet", "bridge", ...
 * @param table      e.g. "filter"
 * @param chain      e.g. "input", "INPUT", "forward"
 * @param rule       the rule's text as nft prints it, or "policy" when the chain's policy decided
 * @param verdict    "accept", "drop", "reject", "queue", ...
 * @param device     the input (or output) interface named in the trace, or ""
 * @param packet     what the packet was (addresses, protocol, ports, ICMP type, id and sequence), for filters
 *                   and lines: a crossing of the device above in the deciding namespace; null when the trace did
 *                   not say
 */
public record NetfilterVerdict(long netnsInode, String family, String table, String chain, String rule,
                               String verdict, String device, Crossing packet) {

    /** "inet filter input". */
    public String where() {
        return family + " " + table + " " + chain;
    }

    public boolean isPolicy() {
        return rule.equals("policy");
    }
}
