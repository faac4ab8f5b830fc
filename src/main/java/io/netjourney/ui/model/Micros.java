package io.netjourney.ui.model;

/** Formats latencies and offsets for the tables and edge labels: microseconds with one decimal. */
public final class Micros {
    private Micros() {
    }

    /** Nanoseconds as microseconds: 12_345 → 12.345. */
    public static double of(long nanos) {
        return nanos / 1_000.0;
    }

    /** "12.3" for 12.345 µs; "" for NaN (no value). Built by hand: tables call this for every visible cell. */
    public static String format(double micros) {
        if (Double.isNaN(micros)) {
            return "";
        }
        long tenths = Math.round(micros * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }
}
