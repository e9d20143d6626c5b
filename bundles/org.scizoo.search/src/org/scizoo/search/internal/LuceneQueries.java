package org.scizoo.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.DatasetField;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.units.SciCatUnits;
import org.scizoo.core.units.SiValue;

/**
 * A search as a Lucene query, built from its parts (never parsed from the user's text by a query syntax, so
 * nothing typed is an operator): the text's words, analysed as the index's, each a SHOULD clause scored by
 * BM25; each condition a point query in SI units, as a filter (it does not change the score); the user's
 * groups, a filter too, so access is decided inside the engine. Without words, the filters alone. A dataset
 * field's condition: a point query on its number or time, or its exact values as terms.
 */
final class LuceneQueries {

    /** Words of a text past this many are not looked for (a pasted page must not become a huge query). */
    static final int MAX_WORDS = 64;

    private LuceneQueries() {
    }

    static Query of(SearchQuery q, Set<String> groups, Analyzer analyzer) throws InvalidQueryException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> words = words(q.text(), analyzer);
        if (words.isEmpty()) {
            if (q.conditions().isEmpty() && groups == null) {
                return new MatchAllDocsQuery();
            }
            // filters alone match what they all hold; one alone is counted by Lucene from its points' tree
        } else {
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            for (String w : words) {
                text.add(new TermQuery(new Term(DatasetDocuments.TEXT, w)), Occur.SHOULD);
            }
            b.add(text.build(), Occur.MUST);
        }
        for (Criterion c : q.conditions()) {
            b.add(criterion(c), Occur.FILTER);
        }
        if (groups != null) {
            List<BytesRef> may = new ArrayList<>();
            may.add(new BytesRef(DatasetDocuments.PUBLIC));
            groups.forEach(g -> may.add(new BytesRef(g)));
            b.add(new TermInSetQuery(DatasetDocuments.GROUP, may), Occur.FILTER);
        }
        return b.build();
    }

    /** The text's distinct words as the index holds them (stop words out, stemmed), at most {@link #MAX_WORDS}. */
    static List<String> words(String text, Analyzer analyzer) {
        Set<String> out = new LinkedHashSet<>();
        if (text.isBlank()) {
            return List.of();
        }
        try (TokenStream ts = analyzer.tokenStream(DatasetDocuments.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_WORDS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory failed", e);
        }
        return new ArrayList<>(out);
    }

    /** Every condition in a tree, for the unit checks. */
    static void params(Criterion c, List<ParamCondition> out) {
        switch (c) {
            case ParamCondition p -> out.add(p);
            case FieldCondition f -> {
                // a dataset field has no unit to check
            }
            case Criterion.AllOf all -> all.all().forEach(x -> params(x, out));
            case Criterion.AnyOf any -> any.any().forEach(x -> params(x, out));
        }
    }

    private static Query criterion(Criterion c) throws InvalidQueryException {
        switch (c) {
            case ParamCondition p -> {
                return condition(p);
            }
            case FieldCondition f -> {
                return field(f);
            }
            case Criterion.AllOf all -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
                for (Criterion x : all.all()) {
                    b.add(criterion(x), Occur.FILTER);
                }
                return b.build();
            }
            case Criterion.AnyOf any -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                for (Criterion x : any.any()) {
                    b.add(criterion(x), Occur.SHOULD);
                }
                return b.build();
            }
        }
    }

    private static Query condition(ParamCondition c) throws InvalidQueryException {
        String unitSI = "";
        double factor = 1;
        double offset = 0;
        if (!c.unit().isEmpty()) {
            SiValue zero = si(c, 0.0);
            SiValue one = si(c, 1.0);
            unitSI = zero.unitSI();
            offset = ((Number) zero.valueSI()).doubleValue();
            factor = ((Number) one.valueSI()).doubleValue() - offset;
        }
        String field = DatasetDocuments.numericField(c.key(), unitSI);
        double[] v = new double[c.values().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.values().get(i) * factor + offset;
        }
        Query point = points(field, c.op(), v);
        if (c.op() != ParamCondition.Op.NEQ) {
            return point;
        }
        // has the key in this dimension, and not that value
        return new BooleanQuery.Builder().add(new TermQuery(new Term(DatasetDocuments.HAS, field)), Occur.FILTER)
                .add(point, Occur.MUST_NOT).build();
    }

    /** A condition on a dataset field: a point query for numbers and times, exact terms for the rest. */
    private static Query field(FieldCondition c) {
        String field = DatasetDocuments.datasetField(c.field());
        if (!c.field().kind().ordered()) {
            List<BytesRef> terms = c.values().stream().map(v -> new BytesRef(v.toString())).toList();
            Query any = new TermInSetQuery(field, terms);
            return c.op() == ParamCondition.Op.NEQ ? not(any) : any;
        }
        if (c.field().kind() == DatasetField.Kind.TIME) {
            long[] t = c.values().stream().mapToLong(v -> ((Instant) v).toEpochMilli()).toArray();
            Query point = switch (c.op()) {
                case EQ, NEQ -> LongPoint.newExactQuery(field, t[0]);
                case LT -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, t[0] - 1);
                case LTE -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, t[0]);
                case GT -> LongPoint.newRangeQuery(field, t[0] + 1, Long.MAX_VALUE);
                case GTE -> LongPoint.newRangeQuery(field, t[0], Long.MAX_VALUE);
                case BETWEEN -> LongPoint.newRangeQuery(field, Math.min(t[0], t[1]), Math.max(t[0], t[1]));
                case INQ -> LongPoint.newSetQuery(field, t);
            };
            return c.op() == ParamCondition.Op.NEQ ? not(point) : point;
        }
        double[] v = c.values().stream().mapToDouble(x -> (Double) x).toArray();
        Query point = points(field, c.op(), v);
        return c.op() == ParamCondition.Op.NEQ ? not(point) : point;
    }

    private static Query not(Query q) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(q, Occur.MUST_NOT).build();
    }

    private static Query points(String field, ParamCondition.Op op, double[] v) {
        return switch (op) {
            case EQ, NEQ -> DoublePoint.newExactQuery(field, v[0]);
            case LT -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, Math.nextDown(v[0]));
            case LTE -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, v[0]);
            case GT -> DoublePoint.newRangeQuery(field, Math.nextUp(v[0]), Double.POSITIVE_INFINITY);
            case GTE -> DoublePoint.newRangeQuery(field, v[0], Double.POSITIVE_INFINITY);
            case BETWEEN -> DoublePoint.newRangeQuery(field, Math.min(v[0], v[1]), Math.max(v[0], v[1]));
            case INQ -> DoublePoint.newSetQuery(field, v);
        };
    }

    /** The SI unit a condition compares in ("" without a unit). */
    static String unitSI(ParamCondition c) throws InvalidQueryException {
        return c.unit().isEmpty() ? "" : si(c, 0.0).unitSI();
    }

    /** A condition's value in SI units; refused when its unit is not one SciCat converts. */
    private static SiValue si(ParamCondition c, double value) throws InvalidQueryException {
        return SciCatUnits.toSiStrictly(value, c.unit()).orElseThrow(() -> new InvalidQueryException(
                "The unit '" + c.unit() + "' of " + c + " is not one SciCat converts, so it cannot be compared"));
    }
}
