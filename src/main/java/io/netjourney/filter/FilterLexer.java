package io.netjourney.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expression into words, parentheses and the operators ! && || (and/or/not words too). */
final class FilterLexer {
    private FilterLexer() {
    }

    static List<Token> tokens(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '!') {
                Token.Kind kind = c == '(' ? Token.Kind.LPAREN : c == ')' ? Token.Kind.RPAREN : Token.Kind.NOT;
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            } else if (c == '&' || c == '|') {
                if (i + 1 >= n || expression.charAt(i + 1) != c) {
                    throw new FilterSyntaxException(expression, i, 1,
                            "unexpected '" + c + "' (did you mean '" + c + c + "'?)");
                }
                tokens.add(new Token(c == '&' ? Token.Kind.AND : Token.Kind.OR, expression.substring(i, i + 2), i));
                i += 2;
            } else {
                int start = i;
                while (i < n && !isDelimiter(expression.charAt(i))) {
                    i++;
                }
                String word = expression.substring(start, i);
                tokens.add(new Token(wordKind(word), word, start));
            }
        }
        tokens.add(new Token(Token.Kind.END, "", n));
        return tokens;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '!' || c == '&' || c == '|';
    }

    private static Token.Kind wordKind(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "and":
                return Token.Kind.AND;
            case "or":
                return Token.Kind.OR;
            case "not":
                return Token.Kind.NOT;
            default:
                return Token.Kind.WORD;
        }
    }
}
