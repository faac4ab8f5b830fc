package io.netjourney.filter;

/** A lexical token of a filter expression, with its 0-based offset in the expression. */
record Token(Kind kind, String text, int offset) {

    enum Kind { WORD, LPAREN, RPAREN, NOT, AND, OR, END }

    int end() {
        return offset + text.length();
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** Whether this is the word w, ignoring case. */
    boolean isWord(String w) {
        return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }

    /** How errors refer to it: the quoted text, or "end of filter". */
    String describe() {
        return kind == Kind.END ? "end of filter" : "'" + text + "'";
    }
}
