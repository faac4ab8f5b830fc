package io.netjourney.cli;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.session.Session;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a command runs a {@link Session}: into its {@link Tracer} until the session ends (the file replayed, -c,
 * --duration, Ctrl-C, SIGTERM), telling stderr what the user should know on the way; then {@code atEnd} (the
 * summary), which runs before a signal lets the JVM exit. A session that cannot start or fails is a
 * {@link UserError}.
 */
final class Foreground {
    private final PrintStream err;
    private Runnable onStarted = () -> { };
    private BooleanSupplier stopWhen = () -> false;
    private String whenLost = "narrow the filter";

    Foreground(PrintStream err) {
        this.err = err;
    }

    /** Runs once the session has started, before the command waits for it (the demo starts its pings there). */
    Foreground onStarted(Runnable action) {
        this.onStarted = action;
        return this;
    }

    /** What the message about lost events advises (trace: also --sample); "narrow the filter" unless told. */
    Foreground whenLost(String advice) {
        this.whenLost = advice;
        return this;
    }

    /** Ends the session also when {@code condition} says so (the demo: its pings are done). */
    Foreground stopWhen(BooleanSupplier condition) {
        this.stopWhen = condition;
        return this;
    }

    Session.End run(Source source, SessionOptions options, Tracer tracer, Consumer<Session.End> atEnd)
            throws IOException {
        Session.End[] end = new Session.End[1];
        List<String> started = new CopyOnWriteArrayList<>();
        Session session;
        try {
            session = Session.start(0, source, options.stoppingOnSignal(), new Session.Sink() {
                @Override
                public void event(HopEvent event) {
                    tracer.accept(event);
                }

                @Override
                public void netfilter(NetfilterVerdict verdict) {
                    tracer.accept(verdict);
                }

                @Override
                public void flush() {
                    tracer.flush();
                }

                @Override
                public void lost(long total) {
                    if (!source.hooks().isEmpty()) {
                        err.println("netjourney: " + total + " events lost so far: the ring buffer was full "
                                + "(" + whenLost + ")");
                    }
                    tracer.lostEvents(total);
                }

                @Override
                public boolean done() {
                    return tracer.done() || stopWhen.getAsBoolean();
                }

                @Override
                public void ended(Session.End how) {
                    end[0] = how;
                    how.warnings().stream().filter(w -> !started.contains(w))
                            .forEach(w -> err.println("netjourney: warning: " + w));
                    atEnd.accept(how);
                }
            });
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE, e.detail());
        }
        started.addAll(session.warnings());
        started.forEach(w -> err.println("netjourney: warning: " + w));
        onStarted.run();
        try {
            session.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
        }
        if (end[0] != null && end[0].failure() != null) {
            throw new UserError(end[0].failure(), UserError.FAILURE);
        }
        return end[0];
    }
}
