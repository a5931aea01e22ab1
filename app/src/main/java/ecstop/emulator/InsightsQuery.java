package ecstop.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A CloudWatch Metrics Insights query, parsed: the subset of the language the emulator
 * answers, {@code SELECT FUNC(metric) FROM namespace | SCHEMA(namespace, label, ...)
 * [WHERE label = 'v' [AND label != 'v' ...]] [GROUP BY label, ...] [ORDER BY FUNC() [ASC|DESC]]
 * [LIMIT n]}. Keywords are case-insensitive, names are not; a name with characters other
 * than letters, digits, '_' and '.' is double-quoted, a value single-quoted, and a quote
 * inside either is escaped with a backslash. Anything else (OR, LIKE, IN, tag or
 * arithmetic) is rejected with the reason, which the caller sends back as CloudWatch's
 * validation error.
 */
record InsightsQuery(
        Function function,
        String metric,
        String namespace,
        Optional<List<String>> schema,
        List<Condition> where,
        List<String> groupBy,
        Optional<Order> orderBy,
        OptionalInt limit) {

    /** At most this many series come back from one query, LIMIT or not. */
    static final int MAX_RESULTS = 500;

    enum Function {
        AVG, COUNT, MAX, MIN, SUM;

        /** This function of the observations {@code a} sums up. */
        double of(Aggregate a) {
            return switch (this) {
                case AVG -> a.average();
                case COUNT -> a.sampleCount();
                case MAX -> a.maximum();
                case MIN -> a.minimum();
                case SUM -> a.sum();
            };
        }
    }

    record Condition(String label, boolean equal, String value) {
        boolean test(Optional<String> actual) {
            return equal ? actual.filter(value::equals).isPresent() : actual.filter(value::equals).isEmpty();
        }
    }

    record Order(Function function, boolean descending) {}

    /** Why a query is not one the emulator will run; the message says what and where. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** A SELECT statement at all? (Anything else in Expression is metric math.) */
    static boolean looksLikeQuery(String expression) {
        return expression.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
    }

    static InsightsQuery parse(String text) throws Invalid {
        return new Parser(Lexer.tokens(text)).query();
    }

    private enum Kind { WORD, NAME, VALUE, NUMBER, SYMBOL, END }

    /** WORD is a bare identifier (maybe a keyword); NAME a "quoted" identifier; VALUE a 'quoted' string. */
    private record Token(Kind kind, String text, int position) {
        boolean keyword(String k) {
            return kind == Kind.WORD && text.equalsIgnoreCase(k);
        }

        boolean symbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }

        String shown() {
            return kind == Kind.END ? "the end of the query" : "'" + text + "' at position " + (position + 1);
        }
    }

    private static final class Lexer {
        static List<Token> tokens(String s) throws Invalid {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"' || c == '\'') {
                    int start = i;
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (i < s.length() && s.charAt(i) != c) {
                        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                            i++;
                        }
                        sb.append(s.charAt(i));
                        i++;
                    }
                    if (i >= s.length()) {
                        throw new Invalid("unterminated quoted text starting at position " + (start + 1));
                    }
                    i++;
                    out.add(new Token(c == '"' ? Kind.NAME : Kind.VALUE, sb.toString(), start));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                        i++;
                    }
                    out.add(new Token(Kind.WORD, s.substring(start, i), start));
                } else if (Character.isDigit(c)) {
                    int start = i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
                } else if (s.startsWith("!=", i)) {
                    out.add(new Token(Kind.SYMBOL, "!=", i));
                    i += 2;
                } else if ("(),=".indexOf(c) >= 0) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    throw new Invalid("unexpected character '" + c + "' at position " + (i + 1));
                }
            }
            out.add(new Token(Kind.END, "", s.length()));
            return out;
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        InsightsQuery query() throws Invalid {
            keyword("SELECT");
            Function function = function();
            symbol("(");
            String metric = name("a metric name");
            symbol(")");
            keyword("FROM");
            String namespace;
            Optional<List<String>> schema = Optional.empty();
            if (peek().keyword("SCHEMA") && tokens.get(at + 1).symbol("(")) {
                next();
                next();
                namespace = name("a namespace");
                List<String> labels = new ArrayList<>();
                while (peek().symbol(",")) {
                    next();
                    labels.add(name("a label key"));
                }
                symbol(")");
                schema = Optional.of(List.copyOf(labels));
            } else {
                namespace = name("a namespace or SCHEMA(...)");
            }
            List<Condition> where = new ArrayList<>();
            if (peek().keyword("WHERE")) {
                next();
                where.add(condition());
                while (peek().keyword("AND")) {
                    next();
                    where.add(condition());
                }
                if (peek().keyword("OR")) {
                    throw new Invalid("OR is not supported by this emulator; use AND, at " + peek().shown());
                }
            }
            List<String> groupBy = new ArrayList<>();
            if (peek().keyword("GROUP")) {
                next();
                keyword("BY");
                groupBy.add(name("a label key"));
                while (peek().symbol(",")) {
                    next();
                    groupBy.add(name("a label key"));
                }
            }
            Optional<Order> order = Optional.empty();
            if (peek().keyword("ORDER")) {
                next();
                keyword("BY");
                Function f = function();
                symbol("(");
                symbol(")");
                boolean descending = false;
                if (peek().keyword("DESC")) {
                    next();
                    descending = true;
                } else if (peek().keyword("ASC")) {
                    next();
                }
                order = Optional.of(new Order(f, descending));
            }
            OptionalInt limit = OptionalInt.empty();
            if (peek().keyword("LIMIT")) {
                next();
                Token n = next();
                if (n.kind() != Kind.NUMBER || n.text().length() > 6
                        || Integer.parseInt(n.text()) < 1 || Integer.parseInt(n.text()) > MAX_RESULTS) {
                    throw new Invalid("LIMIT takes a whole number from 1 to " + MAX_RESULTS + ", got " + n.shown());
                }
                limit = OptionalInt.of(Integer.parseInt(n.text()));
            }
            if (peek().kind() != Kind.END) {
                throw new Invalid("unexpected " + peek().shown());
            }
            return new InsightsQuery(function, metric, namespace, schema, List.copyOf(where), List.copyOf(groupBy), order, limit);
        }

        private Condition condition() throws Invalid {
            String label = name("a label key");
            Token op = next();
            if (!op.symbol("=") && !op.symbol("!=")) {
                throw new Invalid("expected = or != after " + label + ", got " + op.shown()
                        + " (this emulator supports = and != only)");
            }
            Token value = next();
            if (value.kind() != Kind.VALUE) {
                throw new Invalid("expected a 'quoted' value after " + label + " " + op.text() + ", got " + value.shown());
            }
            return new Condition(label, op.symbol("="), value.text());
        }

        private Function function() throws Invalid {
            Token t = next();
            if (t.kind() == Kind.WORD) {
                for (Function f : Function.values()) {
                    if (f.name().equals(t.text().toUpperCase(Locale.ROOT))) {
                        return f;
                    }
                }
            }
            throw new Invalid("expected one of AVG, COUNT, MAX, MIN, SUM, got " + t.shown());
        }

        private String name(String what) throws Invalid {
            Token t = next();
            if (t.kind() == Kind.NAME || (t.kind() == Kind.WORD && !reserved(t.text()))) {
                return t.text();
            }
            throw new Invalid("expected " + what + ", got " + t.shown());
        }

        private void keyword(String k) throws Invalid {
            Token t = next();
            if (!t.keyword(k)) {
                throw new Invalid("expected " + k + ", got " + t.shown());
            }
        }

        private void symbol(String s) throws Invalid {
            Token t = next();
            if (!t.symbol(s)) {
                throw new Invalid("expected '" + s + "', got " + t.shown());
            }
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token t = tokens.get(at);
            if (t.kind() != Kind.END) {
                at++;
            }
            return t;
        }

        private static boolean reserved(String word) {
            return List.of("SELECT", "FROM", "WHERE", "AND", "OR", "GROUP", "BY", "ORDER", "LIMIT", "ASC", "DESC")
                    .contains(word.toUpperCase(Locale.ROOT));
        }
    }
}
