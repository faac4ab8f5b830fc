package io.netjourney.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** When a live capture ends, besides Ctrl-C and SIGTERM: after a count of crossings or a time (trace, report). */
final class StopOptions {
    @Option(names = {"-c", "--count"}, paramLabel = "COUNT", description = "End after COUNT crossings.")
    long count;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "End after TIME (500ms, 10s, 2m, 1h; a bare number is seconds).")
    Duration duration;

    /** Whether either was given. */
    boolean given() {
        return count != 0 || duration != null;
    }
}
