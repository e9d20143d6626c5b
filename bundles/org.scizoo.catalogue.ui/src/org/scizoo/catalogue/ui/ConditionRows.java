package org.scizoo.catalogue.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.DatasetField;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition.Op;
import org.scizoo.core.search.ParamConditions;

/**
 * The Catalogue's condition rows, for those who would rather pick than type: each row a metadata key (the
 * keys the index compares), an operator, a value (two for a range: {@code 12..13}; a list for "in":
 * {@code 10, 12}) and a unit (the key's SI units offered, any other typed). A row reads as the condition a
 * person would type, and is parsed by the same parser, so rows and the typed field agree and fail alike. The
 * keys listed after the metadata's are the dataset's own fields ({@link DatasetField}: size, creationTime,
 * type…), whose rows are conditions on the field, values read as its kind reads them (a day, a number…).
 */
final class ConditionRows {

    /** The operators in the rows' list: PaNOSC's, in {@link Op}'s order. */
    private static final Op[] OPS = Op.values();

    private final Composite box;
    private final Runnable search;
    private final List<Row> rows = new ArrayList<>();
    private SortedMap<String, List<String>> keys = new TreeMap<>();

    private final class Row {
        final Composite line;
        final Combo key;
        final Combo op;
        final Text value;
        final Combo unit;

        Row() {
            line = new Composite(box, SWT.NONE);
            GridLayout layout = new GridLayout(5, false);
            layout.marginHeight = 0;
            line.setLayout(layout);
            line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            key = new Combo(line, SWT.DROP_DOWN);
            key.setLayoutData(width(200));
            key.setItems(items());
            key.setToolTipText("A metadata key the catalogue compares");
            op = new Combo(line, SWT.DROP_DOWN | SWT.READ_ONLY);
            for (Op o : OPS) {
                op.add(label(o));
            }
            op.select(Op.GT.ordinal());
            value = new Text(line, SWT.BORDER);
            value.setLayoutData(width(120));
            value.setMessage("300, 12..13, or 10, 12");
            unit = new Combo(line, SWT.DROP_DOWN);
            unit.setLayoutData(width(90));
            unit.setToolTipText("Any unit that converts to the key's (K, degC, keV…)");
            key.addListener(SWT.Modify, e -> offerUnits(this));
            Button remove = new Button(line, SWT.PUSH);
            remove.setText("−");
            remove.setToolTipText("Remove this condition");
            remove.addListener(SWT.Selection, e -> remove(this));
            for (org.eclipse.swt.widgets.Control c : new org.eclipse.swt.widgets.Control[] { key, value, unit }) {
                c.addListener(SWT.DefaultSelection, e -> search.run());
            }
        }

        /** The row as typed: {@code T01 > 300 K}, {@code energy 12..13 keV}, {@code frames in 10, 12}. */
        String typed() {
            String symbol = OPS[Math.max(op.getSelectionIndex(), 0)].symbol();
            String v = value.getText().strip();
            String k = key.getText().strip();
            String u = unit.getText().strip();
            String typed = switch (symbol) {
                case ".." -> k + " " + (v.contains("..") ? v : v.replaceFirst("\\s*[ ,;]\\s*", ".."));
                default -> k + " " + symbol + " " + v;
            };
            return u.isEmpty() ? typed : typed + " " + u;
        }

        boolean blank() {
            return key.getText().isBlank() && value.getText().isBlank();
        }

        /** A dataset field named here, unless the metadata has a key of that name (which it then means). */
        Optional<DatasetField> field() {
            String k = key.getText().strip();
            return keys.containsKey(k) ? Optional.empty() : DatasetField.byJson(k);
        }

        /** The row as a condition on a dataset field: its values as the field's kind reads them. */
        FieldCondition fieldCondition(DatasetField f) throws InvalidQueryException {
            Op o = OPS[Math.max(op.getSelectionIndex(), 0)];
            String v = value.getText().strip();
            List<String> typed = switch (o) {
                case BETWEEN -> List.of(v.split("\\s*\\.\\.\\s*|\\s*,\\s*", 2));
                case INQ -> List.of(v.split("\\s*,\\s*"));
                default -> List.of(v);
            };
            List<Object> values = new ArrayList<>();
            for (String t : typed) {
                try {
                    values.add(f.parse(t));
                } catch (InvalidQueryException e) {
                    throw new InvalidQueryException(f.json() + ": " + e.getMessage());
                }
            }
            try {
                return new FieldCondition(f, o, values);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(e.getMessage());
            }
        }
    }

    ConditionRows(Composite parent, Runnable search) {
        this.search = search;
        box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0;
        layout.marginWidth = 0;
        box.setLayout(layout);
        box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** How the list shows an operator: as a mathematician writes it, a range and a list in words. */
    private static String label(Op o) {
        return switch (o) {
            case NEQ -> "≠";
            case LTE -> "≤";
            case GTE -> "≥";
            case BETWEEN -> "between";
            default -> o.symbol();
        };
    }

    private static GridData width(int w) {
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = w;
        return d;
    }

    /** The keys the index compares, then the dataset's own fields. */
    private String[] items() {
        List<String> items = new ArrayList<>(keys.keySet());
        DatasetField.names().stream().filter(n -> !keys.containsKey(n)).forEach(items::add);
        return items.toArray(String[]::new);
    }

    /** The keys the index compares, with their SI units, for the rows' lists. */
    void keys(SortedMap<String, List<String>> known) {
        keys = known;
        String[] items = items();
        for (Row r : rows) {
            String typed = r.key.getText();
            r.key.setItems(items);
            r.key.setText(typed);
        }
    }

    private void offerUnits(Row r) {
        String typed = r.unit.getText();
        r.unit.setItems(keys.getOrDefault(r.key.getText().strip(), List.of()).stream().filter(u -> !u.isEmpty())
                .toArray(String[]::new));
        r.unit.setText(typed);
    }

    /** A new empty row, its key focused. */
    void add() {
        Row r = new Row();
        rows.add(r);
        relayout();
        r.key.setFocus();
    }

    /** A row filled in (tests, and a condition carried over): {@code op} as the typed symbol (">", "..", "in"). */
    void add(String key, String op, String value, String unit) {
        Row r = new Row();
        rows.add(r);
        r.key.setText(key);
        for (Op o : OPS) {
            if (o.symbol().equals(op) || label(o).equals(op)) {
                r.op.select(o.ordinal());
            }
        }
        r.value.setText(value);
        r.unit.setText(unit);
        relayout();
    }

    private void remove(Row r) {
        rows.remove(r);
        r.line.dispose();
        relayout();
        search.run();
    }

    void clear() {
        rows.forEach(r -> r.line.dispose());
        rows.clear();
        relayout();
    }

    int size() {
        return rows.size();
    }

    private void relayout() {
        box.requestLayout();
    }

    /** The rows' conditions (blank rows left out); a row that does not read as a condition says which it is. */
    List<Criterion> conditions() throws InvalidQueryException {
        List<Criterion> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            try {
                Optional<DatasetField> field = r.field();
                out.add(field.isPresent() ? r.fieldCondition(field.get()) : ParamConditions.parse(r.typed()));
            } catch (InvalidQueryException e) {
                throw new InvalidQueryException("Condition row " + (i + 1) + " (" + r.typed() + "): " + e.getMessage());
            }
        }
        return out;
    }
}
