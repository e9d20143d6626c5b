package org.scizoo.search.internal;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Technique;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;

/**
 * The facets in the index, by Lucene's facet module on sorted-set doc values (no taxonomy index beside it):
 * each dataset's values per {@link FacetDim}, the filters as drill-downs, and the counts of a search's hits.
 * The ordinals' map over the index's segments is made once per reader, when a search first counts on it; the
 * segments are counted side by side.
 */
final class LuceneFacets {

    /** Values per facet a search returns; the months: the newest. */
    static final int TOP = 10;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final FacetsConfig config = new FacetsConfig();
    private SortedSetDocValuesReaderState state;

    LuceneFacets() {
        for (FacetDim dim : FacetDim.values()) {
            config.setMultiValued(dim.id(), dim != FacetDim.TYPE && dim != FacetDim.TIME);
        }
    }

    /** {@code doc} with {@code d}'s facet values, ready for the writer. */
    Document build(Document doc, Dataset d) throws IOException {
        add(doc, FacetDim.PROPOSAL, d.proposalIds());
        add(doc, FacetDim.INSTRUMENT, d.instrumentIds());
        add(doc, FacetDim.TECHNIQUE, d.techniques().stream().map(Technique::name).toList());
        add(doc, FacetDim.TYPE, List.of(d.type().json()));
        add(doc, FacetDim.TIME, List.of(month(d)));
        return config.build(doc);
    }

    static String month(Dataset d) {
        return MONTH.format(d.creationTime());
    }

    private static void add(Document doc, FacetDim dim, List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank() && seen.add(v.strip())) {
                doc.add(new SortedSetDocValuesFacetField(dim.id(), v.strip()));
            }
        }
    }

    /** {@code base}, only where the filters hold (any value of one facet, every facet). */
    Query filter(Query base, List<FacetFilter> filters) {
        if (filters.isEmpty()) {
            return base;
        }
        DrillDownQuery q = new DrillDownQuery(config, base);
        for (FacetFilter f : filters) {
            q.add(f.dim().id(), f.value());
        }
        return q;
    }

    /** Each facet's values among the hits {@code collected}: by count, the months newest first. */
    Map<FacetDim, List<FacetCount>> count(IndexReader reader, FacetsCollector collected, ExecutorService segments)
            throws IOException {
        Map<FacetDim, List<FacetCount>> out = new EnumMap<>(FacetDim.class);
        SortedSetDocValuesReaderState s = state(reader);
        if (s == null) {
            return out;
        }
        Facets counts;
        try {
            counts = new ConcurrentSortedSetDocValuesFacetCounts(s, collected, segments);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("counting the facets was interrupted");
        }
        Set<String> indexed = new LinkedHashSet<>();
        s.getDims().forEach(indexed::add);
        for (FacetDim dim : FacetDim.values()) {
            if (!indexed.contains(dim.id())) {
                continue;
            }
            FacetResult r = dim == FacetDim.TIME ? counts.getAllChildren(dim.id())
                    : counts.getTopChildren(TOP, dim.id());
            if (r == null) {
                continue;
            }
            List<FacetCount> values = new ArrayList<>(Arrays.stream(r.labelValues)
                    .map(lv -> new FacetCount(lv.label, lv.value.longValue())).toList());
            if (dim == FacetDim.TIME) {
                values.sort(Comparator.comparing(FacetCount::value).reversed());
                values = values.subList(0, Math.min(values.size(), TOP));
            }
            out.put(dim, values);
        }
        return out;
    }

    /** The ordinals of {@code reader}, made again when the index has changed; null for an index without facets. */
    private synchronized SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        if (state == null || state.getReader() != reader) {
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, config);
            } catch (IllegalArgumentException e) {
                return null; // no dataset has a facet value yet
            }
        }
        return state;
    }
}
