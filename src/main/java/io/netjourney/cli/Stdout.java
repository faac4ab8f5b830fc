package io.netjourney.cli;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for crossing lines: buffered and flushed once per batch by the {@link Tracer}, not once per
 * line (System.out flushes every println, a write system call per crossing).
 */
final class Stdout {
    private static final int BUFFER_SIZE = 1 << 16;

    private Stdout() {
    }

    static PrintStream buffered() {
        return new PrintStream(new BufferedOutputStream(System.out, BUFFER_SIZE), false, StandardCharsets.UTF_8);
    }
}
