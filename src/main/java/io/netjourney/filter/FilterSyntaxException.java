package io.netjourney.filter;

/**
 * A filter expression that does not parse. The message names the offending token with its 1-based column and
 * shows the expression with carets under it; the accessors let a GUI mark the same span.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private final String expression;
    private final int offset;
    private final int length;
    private final String reason;

    FilterSyntaxException(String expression, int offset, int length, String reason) {
        super(format(expression, offset, length, reason));
        this.expression = expression;
        this.offset = offset;
        this.length = length;
        this.reason = reason;
    }

    public String expression() {
        return expression;
    }

    /** 0-based char offset of the offending token; the expression's length when input ended too early. */
    public int offset() {
        return offset;
    }

    /** 1-based column of the offending token. */
    public int column() {
        return offset + 1;
    }

    /** Length of the offending token in chars; 0 when input ended too early. */
    public int length() {
        return length;
    }

    /** The offending token's text; empty when input ended too early. */
    public String token() {
        return expression.substring(offset, offset + length);
    }

    /** What is wrong, without position or expression. */
    public String reason() {
        return reason;
    }

    private static String format(String expression, int offset, int length, String reason) {
        StringBuilder caret = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            shown.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            if (i < offset) {
                caret.append(c == '\t' ? '\t' : ' ');
            }
        }
        caret.append("^".repeat(Math.max(1, length)));
        return "invalid filter at column " + (offset + 1) + ": " + reason + "\n  " + shown + "\n  " + caret;
    }
}
