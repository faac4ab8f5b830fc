package io.netjourney.capture;

/**
 * The user's filter as the capture puts it into its BPF programs (bpf/netjourney.h): the code that goes in place of
 * every program's filter site, a function of the record being filled (r1) and the stages done (r2); and the stages
 * every run of it needs, filled before it first runs (nj_config.first_stages).
 *
 * @param code        BPF instructions, 8 bytes each
 * @param firstStages NJ_STAGE_* bits, 0 for none
 */
public record FilterProgram(byte[] code, int firstStages) {
}
