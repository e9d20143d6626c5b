package org.scizoo.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.json.JsonParseException;
import org.scizoo.core.search.ParamCondition.Op;

/**
 * A search in the PaNOSC search API's query language (its {@code doc/query.md}, LoopBack's filter): a JSON
 * object with {@code where} (parameter conditions {@code {variable, operator, value, unit}} and conditions on
 * the dataset's own fields as LoopBack writes them, {@code {"size": {"gt": 1000}}} (see {@link DatasetField}),
 * joined by {@code and} and {@code or}, or under {@code query}), {@code limit}, {@code skip}, and the text to score by
 * as {@code query} (PaNOSC's scoring parameter). A bare {@code where} object is taken too. Nothing else is
 * read: a MongoDB operator ({@code $where}, {@code $regex}…), an unknown key or operator, a value that is not
 * a number, or a query too large or too deep is refused with what and where, never passed to a store.
 */
public final class PanoscQueries {

    /** Larger than any query a person or portal sends. */
    public static final int MAX_CHARS = 100_000;
    private static final int MAX_DEPTH = 16;
    private static final Map<String, Op> OPERATORS = Map.of("eq", Op.EQ, "neq", Op.NEQ, "lt", Op.LT, "lte", Op.LTE,
            "gt", Op.GT, "gte", Op.GTE, "between", Op.BETWEEN, "inq", Op.INQ);
    private static final Set<String> FILTER_KEYS = Set.of("where", "limit", "skip", "query");
    private static final Set<String> PARAMETER_KEYS = Set.of("variable", "operator", "value", "unit");

    private PanoscQueries() {
    }

    /** @param text words given besides the JSON (the command line's), scored together with its {@code query} */
    public static SearchQuery parse(String json, String text, int defaultLimit) throws InvalidQueryException {
        if (json.length() > MAX_CHARS) {
            throw new InvalidQueryException("A query holds at most " + MAX_CHARS + " characters, not " + json.length());
        }
        Document filter;
        try {
            filter = Document.parse(json);
        } catch (JsonParseException | IllegalArgumentException | org.bson.BsonInvalidOperationException e) {
            throw new InvalidQueryException("The query is not a JSON object: " + e.getMessage());
        }
        if (!FILTER_KEYS.containsAll(filter.keySet()) || filter.containsKey("variable")
                || filter.containsKey("and") || filter.containsKey("or") || filter.get("query") instanceof Document) {
            filter = filter.containsKey("where") ? filter : new Document("where", filter);
        }
        refuseUnknown(filter, FILTER_KEYS, "the query");
        List<Criterion> conditions = new ArrayList<>();
        if (filter.get("where") != null) {
            conditions.add(where(filter.get("where"), "where", 1));
        }
        String words = (text == null ? "" : text) + " " + string(filter.get("query"), "query");
        int limit = integer(filter.get("limit"), "limit", defaultLimit);
        int skip = integer(filter.get("skip"), "skip", 0);
        try {
            return new SearchQuery(words, conditions, limit, skip);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    private static Criterion where(Object o, String at, int depth) throws InvalidQueryException {
        if (depth > MAX_DEPTH) {
            throw new InvalidQueryException(at + ": nested more than " + MAX_DEPTH + " deep");
        }
        if (!(o instanceof Document d)) {
            throw new InvalidQueryException(at + ": expected an object, found " + describe(o));
        }
        if (d.containsKey("variable") || d.containsKey("operator")) {
            return parameter(d, at);
        }
        List<Criterion> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : d.entrySet()) {
            String key = e.getKey();
            String here = at + "." + key;
            switch (key) {
                case "and", "or" -> {
                    if (!(e.getValue() instanceof List<?> list)) {
                        throw new InvalidQueryException(here + ": expected a list of conditions");
                    }
                    List<Criterion> joined = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        joined.add(where(list.get(i), here + "[" + i + "]", depth + 1));
                    }
                    parts.add(key.equals("and") ? new Criterion.AllOf(joined) : new Criterion.AnyOf(joined));
                }
                case "query" -> parts.add(where(e.getValue(), here, depth + 1));
                default -> {
                    DatasetField field = DatasetField.byJson(key).orElseThrow(() -> unknown(key, here,
                            "and, or, query, a parameter {variable, operator, value, unit}, or a dataset field: "
                                    + String.join(", ", DatasetField.names())));
                    parts.add(field(field, e.getValue(), here));
                }
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Criterion.AllOf(parts);
    }

    private static ParamCondition parameter(Document d, String at) throws InvalidQueryException {
        refuseUnknown(d, PARAMETER_KEYS, at);
        String variable = string(d.get("variable"), at + ".variable");
        if (variable.isBlank()) {
            throw new InvalidQueryException(at + ": a parameter condition needs its variable");
        }
        String name = d.get("operator") == null ? "eq" : string(d.get("operator"), at + ".operator");
        Op op = OPERATORS.get(name.toLowerCase(Locale.ROOT));
        if (op == null) {
            throw new InvalidQueryException(at + ".operator: unknown operator '" + name + "' (known: "
                    + String.join(", ", OPERATORS.keySet().stream().sorted().toList()) + ")");
        }
        Object v = d.get("value");
        List<Double> values = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object x : list) {
                values.add(number(x, at + ".value"));
            }
        } else {
            values.add(number(v, at + ".value"));
        }
        try {
            return new ParamCondition(variable, op, values, string(d.get("unit"), at + ".unit"));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(at + ": " + e.getMessage());
        }
    }

    /**
     * A dataset field's condition as LoopBack writes it: a value ({@code "type": "raw"}: equal), or operators
     * and their values ({@code "size": {"gt": 1000}}; several are all to hold).
     */
    private static Criterion field(DatasetField field, Object o, String at) throws InvalidQueryException {
        List<Criterion> all = new ArrayList<>();
        if (!(o instanceof Document ops)) {
            all.add(fieldCondition(field, Op.EQ, List.of(fieldValue(field, o, at)), at));
        } else {
            if (ops.isEmpty()) {
                throw new InvalidQueryException(at + ": expected a value or an operator (as {\"gt\": 1})");
            }
            for (Map.Entry<String, Object> e : ops.entrySet()) {
                String here = at + "." + e.getKey();
                Op op = OPERATORS.get(e.getKey().toLowerCase(Locale.ROOT));
                if (op == null) {
                    throw e.getKey().startsWith("$") ? unknown(e.getKey(), here, "")
                            : new InvalidQueryException(here + ": unknown operator '" + e.getKey() + "' (known: "
                                    + String.join(", ", OPERATORS.keySet().stream().sorted().toList()) + ")");
                }
                List<Object> values = new ArrayList<>();
                if (op == Op.BETWEEN || op == Op.INQ) {
                    if (!(e.getValue() instanceof List<?> list)) {
                        throw new InvalidQueryException(here + ": expected a list of values, found "
                                + describe(e.getValue()));
                    }
                    for (Object x : list) {
                        values.add(fieldValue(field, x, here));
                    }
                } else {
                    values.add(fieldValue(field, e.getValue(), here));
                }
                all.add(fieldCondition(field, op, values, here));
            }
        }
        return all.size() == 1 ? all.get(0) : new Criterion.AllOf(all);
    }

    private static FieldCondition fieldCondition(DatasetField field, Op op, List<Object> values, String at)
            throws InvalidQueryException {
        try {
            return new FieldCondition(field, op, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(at + ": " + e.getMessage());
        }
    }

    /** A value of the field's kind: a number, a time (ISO-8601, or a day: 2026-11-20 is its start, UTC), a text. */
    private static Object fieldValue(DatasetField field, Object o, String at) throws InvalidQueryException {
        switch (field.kind()) {
            case NUMBER -> {
                return number(o, at);
            }
            case TIME -> {
                if (o instanceof java.util.Date d) {
                    return d.toInstant();
                }
                try {
                    return field.parse(string(o, at));
                } catch (InvalidQueryException e) {
                    throw new InvalidQueryException(at + ": " + e.getMessage());
                }
            }
            case BOOLEAN -> {
                if (o instanceof Boolean b) {
                    return b;
                }
                throw new InvalidQueryException(at + ": expected true or false, found " + describe(o));
            }
            default -> {
                if (o instanceof String s) {
                    return s;
                }
                throw new InvalidQueryException(at + ": expected a string, found " + describe(o));
            }
        }
    }

    private static void refuseUnknown(Document d, Set<String> known, String at) throws InvalidQueryException {
        for (String key : d.keySet()) {
            if (!known.contains(key)) {
                throw unknown(key, at + "." + key, String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static InvalidQueryException unknown(String key, String at, String known) {
        if (key.startsWith("$")) {
            return new InvalidQueryException(at + ": MongoDB operators are not part of the query language");
        }
        return new InvalidQueryException(at + ": unknown key '" + key + "' (known: " + known + ")");
    }

    private static double number(Object o, String at) throws InvalidQueryException {
        if (o instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new InvalidQueryException(at + ": expected a number, found " + describe(o));
    }

    private static String string(Object o, String at) throws InvalidQueryException {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return s;
        }
        throw new InvalidQueryException(at + ": expected a string, found " + describe(o));
    }

    private static int integer(Object o, String at, int def) throws InvalidQueryException {
        if (o == null) {
            return def;
        }
        if (o instanceof Integer i && i >= 0) {
            return i;
        }
        throw new InvalidQueryException(at + ": expected a whole number of at least 0, found " + describe(o));
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        String s = o instanceof Document d ? d.toJson() : o.toString();
        return (o instanceof Document ? "an object " : o instanceof List ? "a list " : "'") + (s.length() > 40
                ? s.substring(0, 40) + "…" : s) + (o instanceof Document || o instanceof List ? "" : "'");
    }
}
