package io.netjourney.filter;

/**
 * What the compiled filter returns and what it is told: enum nj_filter_verdict and enum nj_stage. Keep in sync with
 * bpf/netjourney.h (checked by KernelFilterAbiTest).
 */
final class KernelFilterAbi {
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
