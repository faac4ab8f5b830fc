package io.netjourney.bpf;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Routes libbpf's own log into ours. Messages of a step run under {@link #capture} are collected so that a
 * failure (a verifier rejection) can show them; everything is also passed to the listener, if any.
 */
public final class LibbpfLog {
    public static final int WARN = 0;
    public static final int INFO = 1;
    public static final int DEBUG = 2;

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final ThreadLocal<StringBuilder> CAPTURE = new ThreadLocal<>();
    private static volatile BiConsumer<Integer, String> listener = (level, message) -> { };
    /** Held so the callback is not collected while libbpf may call it. */
    private static LibBpf.PrintFn installed;

    private LibbpfLog() {
    }

    /** Receives every libbpf message (level, text without trailing newline). */
    public static void setListener(BiConsumer<Integer, String> newListener) {
        listener = newListener;
    }

    static synchronized void install(Native n) {
        if (installed != null) {
            return;
        }
        installed = (level, format, args) -> {
            try {
                Pointer buffer = Memory.allocateDirect(n.runtime, BUFFER_SIZE);
                int length = n.libc.vsnprintf(buffer, BUFFER_SIZE, format, args);
                String message = buffer.getString(0, Math.min(Math.max(length, 0), BUFFER_SIZE - 1),
                        StandardCharsets.UTF_8);
                StringBuilder capture = CAPTURE.get();
                if (capture != null) {
                    capture.append(message);
                }
                listener.accept(level, message.stripTrailing());
            } catch (RuntimeException | Error e) {
                // nothing may be thrown through a native upcall
            }
            return 0;
        };
        n.bpf.libbpf_set_print(installed);
    }

    /** Collects libbpf's messages logged on this thread until closed. */
    static final class Capture implements AutoCloseable {
        private final StringBuilder previous = CAPTURE.get();
        private final StringBuilder log = new StringBuilder();

        Capture() {
            CAPTURE.set(log);
        }

        String text() {
            return log.toString();
        }

        @Override
        public void close() {
            CAPTURE.set(previous);
        }
    }
}
