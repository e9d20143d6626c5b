package org.scizoo.scanlog.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;

/**
 * Sends scans to an Elogy logbook: one entry with a title and an HTML table of the rows (the shown
 * columns), then each row's images as attachments. Progress goes to a callback; a failing attachment
 * stops the export with the entry already made named in the error, so nothing is sent twice on a retry
 * without the user knowing.
 */
public final class ElogyExport {

    /** What was sent. */
    public record Result(int entryId, int rows, int attachments) {
    }

    private ElogyExport() {
    }

    public static Result send(ElogyClient elogy, int logbookId, String title, ScanTable table, int[] rows,
            List<String> columnIds, ElogyClient.Author author, AnnotationStore annotations,
            Consumer<String> progress) throws ElogyException {
        List<String> imageIds = imageIds(table, rows, annotations); // before the entry: nothing half-made
        String html = html(table, rows, columnIds);
        progress.accept("Creating the entry…");
        int entry = elogy.createEntry(logbookId, title, html, author);
        int sent = 0;
        for (String id : imageIds) {
            progress.accept("Attaching image " + (sent + 1) + " of " + imageIds.size() + "…");
            Optional<ImageFile> image;
            try {
                image = annotations.image(id);
            } catch (CatalogException e) {
                throw new ElogyException("Entry " + entry + " was made, but image " + id + " could not be read: "
                        + e.getMessage(), e);
            }
            if (image.isPresent()) {
                try {
                    elogy.attach(logbookId, entry, image.get().fileName(), image.get().contentType(),
                            image.get().data());
                } catch (ElogyException e) {
                    throw new ElogyException("Entry " + entry + " was made with " + sent + " of " + imageIds.size()
                            + " images: " + e.getMessage(), e);
                }
                sent++;
            }
        }
        return new Result(entry, rows.length, sent);
    }

    /** The images of the rows, in their order. */
    private static List<String> imageIds(ScanTable table, int[] rows, AnnotationStore annotations)
            throws ElogyException {
        java.util.Map<String, Annotations> current;
        try {
            current = annotations.current();
        } catch (CatalogException e) {
            throw new ElogyException("Nothing was sent: the scans' images could not be listed: " + e.getMessage(), e);
        }
        List<String> ids = new ArrayList<>();
        for (int row : rows) {
            Annotations a = current.get(table.pid(row));
            if (a != null) {
                ids.addAll(a.imageIds());
            }
        }
        return ids;
    }

    /** The rows as an HTML table, headers first; every value escaped. */
    public static String html(ScanTable table, int[] rows, List<String> columnIds) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        List<ScanColumn> columns = new ArrayList<>();
        for (String id : columnIds) {
            ScanColumn c = table.column(id);
            if (c != null) {
                columns.add(c);
                b.append("<th>").append(escape(c.header())).append("</th>");
            }
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int row : rows) {
            b.append("<tr>");
            for (ScanColumn c : columns) {
                b.append("<td>").append(escape(c.text(row)).replace("\n", "<br>")).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
