package org.scizoo.catalog.scicat.internal;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;

/**
 * Facets as SciCat's {@code fullquery}/{@code fullfacet} have them: filters as its dataset fields (a list of
 * proposals or instruments, a type, a {@code begin}/{@code end} time), counts from {@code fullfacet}'s groups
 * (a date counted per day, summed here into months). SciCat cannot filter or count by technique (its
 * {@code techniques} are objects): such a filter is refused, and its counts are not given.
 */
final class SciCatFacets {

    /** Our facets and SciCat's dataset fields. */
    static final Map<FacetDim, String> FIELDS = new EnumMap<>(Map.of(FacetDim.PROPOSAL, "proposalIds",
            FacetDim.INSTRUMENT, "instrumentIds", FacetDim.TYPE, "type", FacetDim.TIME, "creationTime"));

    private SciCatFacets() {
    }

    /** The filters into SciCat's full-query {@code fields}. */
    static void filter(List<FacetFilter> filters, Document fields) throws InvalidQueryException {
        Map<FacetDim, List<String>> byDim = new LinkedHashMap<>();
        for (FacetFilter f : filters) {
            byDim.computeIfAbsent(f.dim(), d -> new ArrayList<>()).add(f.value());
        }
        for (Map.Entry<FacetDim, List<String>> e : byDim.entrySet()) {
            String field = FIELDS.get(e.getKey());
            List<String> values = e.getValue();
            if (field == null) {
                throw new InvalidQueryException("SciCat's query cannot keep datasets by " + e.getKey().id()
                        + " (its techniques are objects, not values)");
            }
            if (e.getKey() == FacetDim.TIME) {
                if (values.size() != 1) {
                    throw new InvalidQueryException("SciCat's query takes one time range: one month, not "
                            + String.join(", ", values));
                }
                YearMonth month = month(values.get(0));
                fields.append(field, new Document("begin", month.atDay(1).atStartOfDay(ZoneOffset.UTC).toString())
                        .append("end", month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).minusNanos(1_000_000)
                                .toString()));
            } else {
                fields.append(field, values); // SciCat: one value itself, several with $in
            }
        }
    }

    private static YearMonth month(String value) throws InvalidQueryException {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("A month is YYYY-MM (2025-06), not '" + value + "'");
        }
    }

    /** The {@code facets} parameter asking SciCat to count ours (field names: nothing to escape). */
    static final String ASKED = FIELDS.values().stream().map(f -> '"' + f + '"')
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));

    /** Our counts from {@code fullfacet}'s answer: each field a list of {@code {_id, count}}. */
    static Map<FacetDim, List<FacetCount>> counts(Document answer, int top) {
        Map<FacetDim, List<FacetCount>> out = new EnumMap<>(FacetDim.class);
        for (Map.Entry<FacetDim, String> e : FIELDS.entrySet()) {
            List<Document> groups = answer.getList(e.getValue(), Document.class, List.of());
            List<FacetCount> counts = new ArrayList<>();
            if (e.getKey() == FacetDim.TIME) {
                Map<String, Long> months = new TreeMap<>(Comparator.reverseOrder());
                for (Document g : groups) {
                    if (g.get("_id") instanceof Document id && id.get("year") instanceof Number y
                            && id.get("month") instanceof Number m) {
                        months.merge(String.format("%04d-%02d", y.intValue(), m.intValue()), count(g), Long::sum);
                    }
                }
                months.forEach((k, v) -> counts.add(new FacetCount(k, v)));
            } else {
                for (Document g : groups) {
                    if (g.get("_id") != null) {
                        counts.add(new FacetCount(g.get("_id").toString(), count(g)));
                    }
                }
                counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            }
            if (!counts.isEmpty()) {
                out.put(e.getKey(), counts.subList(0, Math.min(top, counts.size())));
            }
        }
        return out;
    }

    private static long count(Document group) {
        return group.get("count") instanceof Number n ? n.longValue() : 0;
    }
}
