package org.scizoo.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scizoo.core.search.ParamCondition.Op;

/**
 * Conditions as a user types them: {@code T01 > 300 K}, {@code energy 12..13 keV}, {@code frames in 10,12},
 * {@code sample_concentration <= 2.5 mg/ml}. A key, an operator ({@code = != < <= > >=}, a range
 * {@code A..B}, or {@code in A,B,…}), numbers, and an optional unit (the rest). A mistake is said with its
 * position (from 1) and what was expected there.
 */
public final class ParamConditions {

    private static final Pattern KEY = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.%\\-]*");
    private static final Pattern OPERATOR = Pattern.compile("!=|<=|>=|==|=|<|>|(?i:in)(?=\\s)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d+)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SPACE = Pattern.compile("\\s*");
    /** Longer than any condition a person types: a longer one is refused before it is read. */
    public static final int MAX_LENGTH = 500;

    private ParamConditions() {
    }

    public static ParamCondition parse(String typed) throws InvalidQueryException {
        String s = typed == null ? "" : typed.strip();
        if (s.length() > MAX_LENGTH) {
            throw new InvalidQueryException(
                    "a condition holds at most " + MAX_LENGTH + " characters, not " + s.length());
        }
        Cursor c = new Cursor(s);
        String key = c.expect(KEY, "a metadata key (as T01 or sample_concentration)");
        c.skip(SPACE);
        Op op;
        List<Double> values = new ArrayList<>();
        String symbol = c.match(OPERATOR);
        if (symbol == null) {
            values.add(c.number("an operator (=, !=, <, <=, >, >=, in) or a range A..B"));
            c.expectText("..", "'..' and the range's upper end, or an operator before the number");
            values.add(c.number("the range's upper end"));
            op = Op.BETWEEN;
            if (values.get(0) > values.get(1)) {
                throw new InvalidQueryException("the range " + values.get(0) + ".." + values.get(1)
                        + " is empty: its lower end comes first");
            }
        } else {
            op = switch (symbol.toLowerCase(Locale.ROOT)) {
                case "=", "==" -> Op.EQ;
                case "!=" -> Op.NEQ;
                case "<" -> Op.LT;
                case "<=" -> Op.LTE;
                case ">" -> Op.GT;
                case ">=" -> Op.GTE;
                default -> Op.INQ;
            };
            c.skip(SPACE);
            values.add(c.number("a number"));
            while (op == Op.INQ && c.take(",")) {
                c.skip(SPACE);
                values.add(c.number("a number after ','"));
            }
        }
        String unit = c.rest().strip();
        return new ParamCondition(key, op, values, unit);
    }

    /** Reads {@code s} from left to right. */
    private static final class Cursor {
        private final String s;
        private int at;

        Cursor(String s) {
            this.s = s;
        }

        String match(Pattern p) {
            Matcher m = p.matcher(s).region(at, s.length());
            if (!m.lookingAt()) {
                return null;
            }
            at = m.end();
            return m.group();
        }

        String expect(Pattern p, String what) throws InvalidQueryException {
            String found = match(p);
            if (found == null) {
                throw expected(what);
            }
            return found;
        }

        void skip(Pattern p) {
            match(p);
        }

        boolean take(String text) {
            skip(SPACE);
            if (s.startsWith(text, at)) {
                at += text.length();
                return true;
            }
            return false;
        }

        void expectText(String text, String what) throws InvalidQueryException {
            if (!s.startsWith(text, at)) {
                throw expected(what);
            }
            at += text.length();
        }

        double number(String what) throws InvalidQueryException {
            String n = expect(NUMBER, what);
            double v = Double.parseDouble(n);
            if (!Double.isFinite(v)) {
                throw new InvalidQueryException(
                        "position " + (at - n.length() + 1) + ": " + n + " is not a finite number");
            }
            return v;
        }

        String rest() {
            String r = s.substring(at);
            at = s.length();
            return r;
        }

        private InvalidQueryException expected(String what) {
            String found = at >= s.length() ? "the end" : "'" + s.substring(at, Math.min(s.length(), at + 12)) + "'";
            return new InvalidQueryException("position " + (at + 1) + " of '" + s + "': expected " + what + ", found "
                    + found);
        }
    }
}
