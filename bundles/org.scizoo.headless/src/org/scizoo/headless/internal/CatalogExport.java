package org.scizoo.headless.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.headless.Args;
import org.scizoo.headless.UsageException;
import org.scizoo.scanlog.core.ColumnFilter;
import org.scizoo.scanlog.core.CsvExport;
import org.scizoo.scanlog.core.ScanColumn;
import org.scizoo.scanlog.core.ScanTable;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.ScanlogDefaults;
import org.scizoo.scanlog.core.Times;

/**
 * {@code scizoo catalog export --csv FILE}: what the Scanlog's CSV export writes, from the command line —
 * the same selection (proposal, time window), column filters, free text, sort and columns.
 */
final class CatalogExport {

    static final List<String> OPTIONS = List.of("csv", "proposal", "from", "till", "columns", "filter", "search",
            "sort");

    private CatalogExport() {
    }

    static int run(CatalogStore store, Args args, PrintStream out, PrintStream err)
            throws UsageException, CatalogException, IOException {
        String csv = args.value("csv");
        if (csv == null) {
            throw new UsageException("say where to: --csv FILE (or --csv - for standard output)");
        }
        ScanSelection selection = selection(args);
        ScanTable table = new ScanTable();
        long skipped = store.scanDatasets(selection, 5_000, table::addAll, () -> false);
        List<String> columns = columns(table, args.value("columns"));
        ScanView.Sort sort = sort(table, args.value("sort"));
        List<ColumnFilter> filters = filters(table, args.value("filter"));
        ScanView.Rows rows = new ScanView(table).compute(sort, filters, args.value("search"), columns);
        int written;
        if (csv.equals("-")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            written = CsvExport.write(table, rows.rows(), columns, w);
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(csv)),
                    StandardCharsets.UTF_8))) {
                written = CsvExport.write(table, rows.rows(), columns, w);
            }
        }
        err.printf("exported %d of %d scans (%d columns)%s%s%n", written, table.size(), columns.size(),
                csv.equals("-") ? "" : " to " + csv,
                skipped > 0 ? "; " + skipped + " stored documents were not valid datasets and were skipped" : "");
        return 0;
    }

    private static ScanSelection selection(Args args) throws UsageException {
        try {
            Instant from = args.value("from") == null ? null : Times.start(args.value("from"));
            Instant till = args.value("till") == null ? null : Times.end(args.value("till"));
            return new ScanSelection(args.value("proposal"), from, till);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<String> columns(ScanTable table, String option) throws UsageException {
        if (option == null) {
            return ScanlogDefaults.columns(table);
        }
        List<String> ids = Arrays.stream(option.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String id : ids) {
            column(table, id);
        }
        return ids;
    }

    private static ScanColumn column(ScanTable table, String id) throws UsageException {
        ScanColumn c = table.column(id);
        if (c == null) {
            throw new UsageException("no column '" + id + "'; the data has: "
                    + String.join(", ", table.columns().stream().map(ScanColumn::id).toList()));
        }
        return c;
    }

    private static ScanView.Sort sort(ScanTable table, String option) throws UsageException {
        if (option == null) {
            return ScanView.Sort.NEWEST_FIRST;
        }
        boolean descending = option.endsWith(":desc");
        String id = option.replaceFirst(":(desc|asc)$", "");
        column(table, id);
        return new ScanView.Sort(id, !descending);
    }

    /** {@code COLUMN=EXPR[;COLUMN=EXPR…]}, e.g. {@code sm.T01=>25 degC;sm.sample_description=buffer}. */
    private static List<ColumnFilter> filters(ScanTable table, String option) throws UsageException {
        List<ColumnFilter> out = new ArrayList<>();
        if (option == null) {
            return out;
        }
        for (String part : option.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("a filter is COLUMN=EXPRESSION, not '" + part + "'");
            }
            try {
                out.add(ColumnFilter.parse(column(table, part.substring(0, eq).strip()), part.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return out;
    }
}
