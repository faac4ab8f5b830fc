package io.netjourney.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as users write them: 500ms, 10s, 2m, 1h; a bare number is seconds. */
final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "': use e.g. 500ms, 10s, 2m or 1h");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis;
        switch (unit) {
            case "ms":
                millis = value;
                break;
            case "m":
                millis = value * 60_000;
                break;
            case "h":
                millis = value * 3_600_000;
                break;
            default:
                millis = value * 1000;
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
