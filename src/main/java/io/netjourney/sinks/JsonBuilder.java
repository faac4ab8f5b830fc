package io.netjourney.sinks;

import java.util.Locale;

/**
 * Writes one JSON object on one line, by hand: fields in call order, strings escaped per RFC 8259 (quote,
 * backslash and control characters; everything else, non-ASCII included, as is). Not reusable after
 * {@link #build()}.
 */
final class JsonBuilder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(512);
    private boolean first = true;
    private int depth = 1;

    JsonBuilder() {
        out.append('{');
    }

    JsonBuilder field(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonBuilder field(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** A string field; a null value omits the field. */
    JsonBuilder field(String name, String value) {
        if (value != null) {
            quote(name(name), value);
        }
        return this;
    }

    /** An array of strings; an empty array omits the field. */
    JsonBuilder field(String name, Iterable<String> values) {
        if (!values.iterator().hasNext()) {
            return this;
        }
        StringBuilder b = name(name).append('[');
        boolean firstValue = true;
        for (String value : values) {
            if (!firstValue) {
                b.append(',');
            }
            quote(b, value);
            firstValue = false;
        }
        b.append(']');
        return this;
    }

    JsonBuilder beginObject(String name) {
        name(name).append('{');
        first = true;
        depth++;
        return this;
    }

    /** An array of objects: each element starts with {@link #beginElement()} and ends with {@link #endObject()}. */
    JsonBuilder beginArray(String name) {
        name(name).append('[');
        first = true;
        depth++;
        return this;
    }

    /** The next object of the array begun with {@link #beginArray(String)}. */
    JsonBuilder beginElement() {
        if (!first) {
            out.append(',');
        }
        out.append('{');
        first = true;
        depth++;
        return this;
    }

    JsonBuilder endArray() {
        if (depth <= 1) {
            throw new IllegalStateException("no array to end");
        }
        out.append(']');
        first = false;
        depth--;
        return this;
    }

    /** A number with a fraction (latencies); NaN omits the field. */
    JsonBuilder field(String name, double value) {
        if (!Double.isNaN(value)) {
            name(name).append(String.format(Locale.ROOT, "%.3f", value));
        }
        return this;
    }

    JsonBuilder endObject() {
        if (depth <= 1) {
            throw new IllegalStateException("no object to end");
        }
        out.append('}');
        first = false;
        depth--;
        return this;
    }

    String build() {
        if (depth != 1) {
            throw new IllegalStateException(depth - 1 + " objects not ended");
        }
        depth = 0;
        return out.append('}').toString();
    }

    private StringBuilder name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        return quote(out, name).append(':');
    }

    /** Appends {@code value} as a JSON string literal. */
    static StringBuilder quote(StringBuilder b, String value) {
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }
}
