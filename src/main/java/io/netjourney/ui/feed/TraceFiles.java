package io.netjourney.ui.feed;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.session.Session;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.TraceSource;
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

    /** Replays the file through a session (the same replay as the command line's), collecting what it holds. */
    public static Loaded load(Path file) throws IOException {
        List<HopEvent> events = new ArrayList<>();
        List<NetfilterVerdict> netfilter = new ArrayList<>();
        TraceSource source = TraceSource.file(file);
        Session.End[] end = new Session.End[1];
        Session session = Session.start(0, source, SessionOptions.defaults(), new Session.Sink() {
            @Override
            public void event(HopEvent event) {
                events.add(event);
            }

            @Override
            public void netfilter(NetfilterVerdict verdict) {
                netfilter.add(verdict);
            }

            @Override
            public void ended(Session.End how) {
                end[0] = how;
            }
        });
        try {
            session.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw new IOException("interrupted while reading " + file, e);
        }
        if (end[0].failure() != null) {
            throw new IOException(end[0].failure());
        }
        Map<Long, String> names = Map.copyOf(source.recordedNames());
        return new Loaded(file, events, netfilter, inode -> Optional.ofNullable(names.get(inode)),
                end[0].counters().lost(), end[0].warnings().stream().reduce((a, b) -> a + "; " + b));
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
