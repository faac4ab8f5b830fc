package io.netjourney.ui.feed;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.sinks.TraceFileReader;
import io.netjourney.sinks.TraceFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Opening and saving trace files for the window; run off the FX thread. */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** A recorded trace: its events in order (the model assembles them as it does a live capture's). */
    public record Loaded(Path file, List<HopEvent> events, List<NetfilterVerdict> netfilter, Names names,
                         long lostEvents, Optional<String> warning) {
    }

    public static Loaded load(Path file) throws IOException {
        try (TraceFileReader reader = TraceFileReader.open(file)) {
            List<HopEvent> events = new ArrayList<>();
            List<NetfilterVerdict> netfilter = new ArrayList<>();
            for (TraceFileReader.Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                if (entry.hop() == null) {
                    netfilter.add(entry.netfilter());
                    continue;
                }
                events.add(entry.hop());
            }
            Map<Long, String> names = Map.copyOf(reader.netnsNames());
            return new Loaded(file, events, netfilter, inode -> Optional.ofNullable(names.get(inode)),
                    reader.lostEvents(), reader.warning());
        }
    }

    public static void save(Path file, List<HopEvent> events, Names names, long lostEvents) throws IOException {
        try (TraceFileWriter writer = TraceFileWriter.create(file, names)) {
            for (HopEvent event : events) {
                writer.writeHop(event);
            }
            writer.writeLostTotal(lostEvents);
        }
    }
}
