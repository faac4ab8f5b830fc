package io.netjourney.session;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.sinks.TraceFileException;
import io.netjourney.sinks.TraceFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Recorded trace frames: a trace file, or a stream of them such as another process's output ({@code trace -w -}
 * on a remote machine, piped here). Replayed as fast as they are read, with the names and the lost-event count
 * they carry.
 */
public final class TraceSource implements Source {
    private static final int ENTRIES_PER_PUMP = 4_096;

    private final Path file;
    private final InputStream stream;
    private final String label;
    private TraceFileReader reader;
    private Delivery delivery;

    private TraceSource(Path file, InputStream stream, String label) {
        this.file = file;
        this.stream = stream;
        this.label = label;
    }

    /** A trace file ({@code .njt}). */
    public static TraceSource file(Path file) {
        return new TraceSource(file, null, file.toString());
    }

    /** Trace frames read from {@code in} (closed with the source); {@code label} names it in messages. */
    public static TraceSource stream(InputStream in, String label) {
        return new TraceSource(null, in, label);
    }

    @Override
    public void open(SessionOptions options, Delivery to) throws IOException {
        delivery = to;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new TraceFileException("no such trace file: " + file);
            }
            reader = TraceFileReader.open(file);
        } else {
            reader = new TraceFileReader(stream, label);
        }
    }

    @Override
    public boolean filtersInJava() {
        return true;
    }

    @Override
    public boolean pump(int timeoutMs) throws IOException {
        for (int i = 0; i < ENTRIES_PER_PUMP; i++) {
            TraceFileReader.Entry entry = reader.readEntry();
            if (entry == null) {
                return false;
            }
            if (entry.hop() != null) {
                delivery.event(entry.hop());
            } else {
                delivery.netfilter(entry.netfilter());
            }
        }
        return true;
    }

    @Override
    public CaptureStats counters() {
        return reader == null ? CaptureStats.EMPTY : CaptureStats.recorded(reader.hops(), reader.lostEvents());
    }

    @Override
    public List<String> warnings() {
        return reader == null ? List.of() : reader.warning().stream().toList();
    }

    @Override
    public List<Hook> hooks() {
        return List.of();
    }

    @Override
    public Names names() {
        return reader == null ? Names.NONE : reader.names();
    }

    /** The namespace names recorded so far: inode to name. */
    public Map<Long, String> recordedNames() {
        return reader == null ? Map.of() : reader.netnsNames();
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            } else if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // nothing was written: nothing can be lost by a failed close
        }
    }
}
