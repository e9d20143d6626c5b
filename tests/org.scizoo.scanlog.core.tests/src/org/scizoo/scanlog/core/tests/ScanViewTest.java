package org.scizoo.scanlog.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scizoo.scanlog.core.tests.Scans.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.scanlog.core.AnnotationField;
import org.scizoo.scanlog.core.ColumnFilter;
import org.scizoo.scanlog.core.ScanColumn;
import org.scizoo.scanlog.core.ScanTable;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.ScanView.Sort;
import org.scizoo.scanlog.core.ScanlogDefaults;

class ScanViewTest {

    private static final List<String> NAME = List.of("name");

    private static List<String> names(ScanTable t, ScanView.Rows rows) {
        return IntStream.of(rows.rows()).mapToObj(r -> t.column("name").text(r)).toList();
    }

    @Test
    void newestFirstByDefaultAndANewVersionRewritesItsRow() {
        ScanTable t = new ScanTable();
        t.addAll(List.of(scan(1), scan(3), scan(2)));
        t.add(scan(2).toBuilder().datasetName("scan 2 (repeated)").build());
        ScanView.Rows rows = new ScanView(t).compute(Sort.NEWEST_FIRST, List.of(), null, NAME);
        assertEquals(List.of("scan 3", "scan 2 (repeated)", "scan 1"), names(t, rows));
        assertEquals(3, t.size());
    }

    @Test
    void metadataKeysBecomeColumnsAndMixedUnitsSortAsOneQuantity() {
        ScanTable t = new ScanTable();
        t.add(scan(1, Map.of("T01", MetadataValue.of(25.0, "degC"), "sample", MetadataValue.of("buffer"))));
        t.add(scan(2, Map.of("T01", MetadataValue.of(290.15, "K")))); // 17 degC
        t.add(scan(3, Map.of("T01", MetadataValue.of(30.0, "degC"))));
        t.add(scan(4)); // no temperature: last, whichever the direction
        t.add(scan(5, Map.of("T01", MetadataValue.of("n/a"))));
        ScanColumn t01 = t.column("sm.T01");
        assertEquals("T01 [degC]", t01.header());
        assertEquals(17.0, t01.number(t.row("20.500.12345/scanlog-2").getAsInt()), 1e-9);
        assertEquals("buffer", t.column("sm.sample").text(0));

        ScanView view = new ScanView(t);
        assertEquals(List.of("scan 2", "scan 1", "scan 3", "scan 5", "scan 4"),
                names(t, view.compute(new Sort("sm.T01", true), List.of(), null, NAME)));
        assertEquals(List.of("scan 3", "scan 1", "scan 2", "scan 5", "scan 4"),
                names(t, view.compute(new Sort("sm.T01", false), List.of(), null, NAME)));
    }

    @Test
    void aNumberInAUnitThatDoesNotConvertIsShownAsTextNotCompared() {
        ScanTable t = new ScanTable();
        t.add(scan(1, Map.of("T01", MetadataValue.of(25.0, "degC"))));
        t.add(scan(2, Map.of("T01", MetadataValue.of(3.0, "counts"))));
        ScanColumn c = t.column("sm.T01");
        assertEquals("3 counts", c.text(1));
        assertTrue(Double.isNaN(c.number(1)));
        ScanView.Rows hot = new ScanView(t).compute(null, List.of(ColumnFilter.parse(c, "> 0")), null, NAME);
        assertEquals(List.of("scan 1"), names(t, hot));
    }

    @Test
    void textSortsInNaturalOrderAndEqualValuesKeepNewestFirst() {
        ScanTable t = new ScanTable();
        String[] samples = { "Sample 10", "sample 9", "buffer", "Sample 10", "sample 9" };
        for (int i = 0; i < samples.length; i++) {
            t.add(scan(i, Map.of("sample", MetadataValue.of(samples[i]))));
        }
        ScanView.Rows rows = new ScanView(t).compute(new Sort("sm.sample", true), List.of(), null, NAME);
        assertEquals(List.of("scan 2", "scan 4", "scan 1", "scan 3", "scan 0"), names(t, rows));
    }

    @Test
    void radixSortAgreesWithAComparatorOnAwkwardNumbers() {
        sortsAgreeWithAComparator(5_000, Integer.MAX_VALUE); // few distinct values: the counting sort
        sortsAgreeWithAComparator(40_000, Integer.MAX_VALUE); // more than 16,384: the radix sort
        sortsAgreeWithAComparator(40_000, 7); // 7 values repeated
    }

    @Test
    void liveRowsAreMergedIntoTheOrdersAsIfSortedAfresh() {
        Random random = new Random(7);
        ScanTable live = new ScanTable();
        ScanView view = new ScanView(live);
        List<org.scizoo.core.model.Dataset> all = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<org.scizoo.core.model.Dataset> b = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                int minute = random.nextInt(100_000); // times out of order, some equal
                b.add(scan(all.size(), Map.of("sample", MetadataValue.of("s " + random.nextInt(500))))
                        .toBuilder().creationTime(Scans.T0.plusSeconds(60L * minute)).build());
                all.add(b.get(b.size() - 1));
            }
            live.addAll(b);
            for (ScanView.Sort sort : List.of(ScanView.Sort.NEWEST_FIRST, new Sort("creationTime", true),
                    new Sort("sm.sample", true), new Sort("sm.sample", false))) {
                ScanTable fresh = new ScanTable();
                fresh.addAll(all);
                assertArrayEquals(new ScanView(fresh).compute(sort, List.of(), null, NAME).rows(),
                        view.compute(sort, List.of(), null, NAME).rows(), sort + " after batch " + batch);
            }
        }
    }

    private static void sortsAgreeWithAComparator(int n, int distinct) {
        Random random = new Random(42);
        ScanTable t = new ScanTable();
        double[] special = { -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -1e-300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (int i = 0; i < n; i++) {
            double v = i < special.length ? special[i]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            if (distinct < Integer.MAX_VALUE) {
                v = i % distinct - 3.5;
            }
            t.add(scan(i, Map.of("x", MetadataValue.of(v))));
        }
        ScanColumn x = t.column("sm.x");
        for (boolean ascending : new boolean[] { true, false }) {
            int[] got = new ScanView(t).compute(new Sort("sm.x", ascending), List.of(), null, NAME).rows();
            double[] values = Arrays.stream(got).mapToDouble(x::number).toArray();
            Double[] expected = Arrays.stream(values).boxed().sorted(ascending
                    ? Comparator.<Double>naturalOrder() : Comparator.<Double>reverseOrder()).toArray(Double[]::new);
            for (int i = 0; i < values.length; i++) {
                assertEquals(expected[i] == 0.0 ? 0.0 : expected[i], values[i] == 0.0 ? 0.0 : values[i], "at " + i);
            }
        }
    }

    @Test
    void rangeFiltersConvertTheirUnitsAndTextFiltersIgnoreCase() {
        ScanTable t = new ScanTable();
        t.add(scan(1, Map.of("T01", MetadataValue.of(20.0, "degC"), "sample", MetadataValue.of("Lysozyme"))));
        t.add(scan(2, Map.of("T01", MetadataValue.of(300.0, "K"), "sample", MetadataValue.of("buffer"))));
        t.add(scan(3, Map.of("T01", MetadataValue.of(30.0, "degC"), "sample", MetadataValue.of("lysozyme 2"))));
        ScanColumn t01 = t.column("sm.T01");
        ScanView v = new ScanView(t);
        assertEquals(List.of("scan 3", "scan 2"),
                names(t, v.compute(null, List.of(ColumnFilter.parse(t01, "> 298 K")), null, NAME)));
        assertEquals(List.of("scan 2"),
                names(t, v.compute(null, List.of(ColumnFilter.parse(t01, "26..28.5")), null, NAME)));
        assertEquals(List.of("scan 3", "scan 1"),
                names(t, v.compute(null, List.of(ColumnFilter.parse(t.column("sm.sample"), "LYSO")), null, NAME)));
        assertEquals(List.of("scan 3"), names(t, v.compute(null,
                List.of(ColumnFilter.parse(t.column("sm.sample"), "lyso"), ColumnFilter.parse(t01, ">=30")), null,
                NAME)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnFilter.parse(t01, "> 3 mbar"));
        assertTrue(e.getMessage().contains("mbar") && e.getMessage().contains("T01"), e.getMessage());
    }

    @Test
    void incompleteScansAreMarkedAndFoundByANegatedFilter() {
        ScanTable t = new ScanTable();
        t.add(scan(1, Map.of("outcome", MetadataValue.of("finished"), "points", MetadataValue.of(21L))));
        t.add(scan(2, Map.of("outcome", MetadataValue.of("aborted"), "points", MetadataValue.of(2L))));
        t.add(scan(3, Map.of("outcome", MetadataValue.of("failed"), "error", MetadataValue.of("Exception: x"))));
        t.add(scan(4)); // no outcome: an analyser file, not a Door's scan
        t.add(scan(5, Map.of("outcome", MetadataValue.of("ended without record_end"))));
        ScanColumn outcome = t.column(ScanlogDefaults.OUTCOME);
        ScanView v = new ScanView(t);
        assertEquals(List.of("scan 5", "scan 3", "scan 2"),
                names(t, v.compute(null, List.of(ColumnFilter.parse(outcome, "!finished")), null, NAME)),
                "rows with an outcome other than finished; the one without an outcome is not incomplete");
        assertEquals(List.of("scan 1"), names(t, v.compute(null, List.of(ColumnFilter.parse(outcome, "finished")),
                null, NAME)));
        List<Boolean> marked = IntStream.range(0, t.size()).mapToObj(r -> ScanlogDefaults.incomplete(t, r)).toList();
        List<String> names = IntStream.range(0, t.size()).mapToObj(r -> t.column("name").text(r)).toList();
        assertEquals(List.of(false, true, true, false, true),
                List.of(1, 2, 3, 4, 5).stream().map(i -> marked.get(names.indexOf("scan " + i))).toList());
        assertTrue(ScanlogDefaults.COLUMNS.contains(ScanlogDefaults.OUTCOME), "a default column");
    }

    @Test
    void timeFiltersTakeDaysAndMinutes() {
        ScanTable t = new ScanTable();
        for (int i = 0; i < 5; i++) {
            t.add(scan(i * 600)); // every 10 hours from 08:00 UTC
        }
        ScanColumn created = t.column("creationTime");
        ScanView v = new ScanView(t);
        int all = v.compute(null, List.of(), null, NAME).size();
        int some = v.compute(null, List.of(ColumnFilter.parse(created, ">= 2026-11-22")), null, NAME).size();
        assertTrue(some > 0 && some < all, some + " of " + all);
        assertThrows(IllegalArgumentException.class, () -> ColumnFilter.parse(created, "> 2026-13-45"));
    }

    @Test
    void freeTextSearchesTheShownColumnsAndAnnotationsMayComeFirst() {
        ScanTable t = new ScanTable();
        t.annotate("20.500.12345/scanlog-2", AnnotationField.COMMENT, "Beam lost halfway");
        t.addAll(List.of(scan(1), scan(2), scan(3)));
        ScanView v = new ScanView(t);
        assertEquals(List.of("scan 2"), names(t, v.compute(null, List.of(), "beam LOST", List.of("name", "comment"))));
        assertEquals(List.of(), names(t, v.compute(null, List.of(), "beam lost", List.of("name"))));
        assertEquals(List.of("scan 3", "scan 2", "scan 1"), names(t, v.compute(null, List.of(), "scan", NAME)));
    }

    @Test
    void aLargeSortedViewKeepsEveryRowOnce() {
        ScanTable t = new ScanTable(200_000);
        List<org.scizoo.core.model.Dataset> batch = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            batch.add(scan(i, Map.of("v", MetadataValue.of((i * 7919) % 1000))));
        }
        t.addAll(batch);
        int[] rows = new ScanView(t).compute(new Sort("sm.v", true), List.of(), null, NAME).rows();
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, 200_000).toArray(), sorted);
    }
}
