package org.scizoo.scanlog.core;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.scizoo.core.config.Csv;

/**
 * The shown columns of some rows as CSV (RFC 4180: a header line, fields quoted when they hold a comma,
 * quote or line break, CRLF line ends); the caller writes it as UTF-8. Values are as the table shows them,
 * numbers in the column's unit (which the header names).
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** @return how many rows were written */
    public static int write(ScanTable table, int[] rows, List<String> columnIds, Writer out) throws IOException {
        List<ScanColumn> columns = new ArrayList<>();
        for (String id : columnIds) {
            ScanColumn c = table.column(id);
            if (c == null) {
                throw new IllegalArgumentException("No column " + id + " to export");
            }
            columns.add(c);
        }
        out.write(Csv.row(columns.stream().map(ScanColumn::header).toList()));
        out.write("\r\n");
        List<String> fields = new ArrayList<>(columns.size());
        for (int row : rows) {
            fields.clear();
            for (ScanColumn c : columns) {
                fields.add(c.text(row));
            }
            out.write(Csv.row(fields));
            out.write("\r\n");
        }
        out.flush();
        return rows.length;
    }
}
