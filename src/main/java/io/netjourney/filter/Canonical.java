package io.netjourney.filter;

/** Canonical text of compound filters: parentheses exactly where precedence and left-associativity need them. */
final class Canonical {
    static final int OR = 1;
    static final int AND = 2;
    static final int UNARY = 3;
    static final int PRIMITIVE = 4;

    private Canonical() {
    }

    static int precedence(Filter f) {
        if (f instanceof OrFilter) {
            return OR;
        }
        if (f instanceof AndFilter) {
            return AND;
        }
        if (f instanceof NotFilter) {
            return UNARY;
        }
        return PRIMITIVE;
    }

    /** The operand's text, parenthesized when it binds less tightly than minPrecedence. */
    static String operand(Filter f, int minPrecedence) {
        return precedence(f) < minPrecedence ? "(" + f + ")" : f.toString();
    }

    /** Left-associative: a right operand of the same precedence needs parentheses. */
    static String binary(Filter self, Filter left, String operator, Filter right) {
        int p = precedence(self);
        return operand(left, p) + " " + operator + " " + operand(right, p + 1);
    }
}
