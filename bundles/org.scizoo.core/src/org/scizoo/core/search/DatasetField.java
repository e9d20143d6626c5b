package org.scizoo.core.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.scizoo.core.model.Dataset;

/**
 * The SciCat dataset fields a search's {@code where} may name beside the scientific metadata, as LoopBack
 * writes them: {@code {"size": {"gt": 1000000}}}, {@code {"type": "raw"}},
 * {@code {"creationTime": {"between": ["2026-11-01", "2026-12-01"]}}}. Each has a kind, which decides
 * the values and operators it takes: numbers and times compare, texts (exact values, as SciCat matches them)
 * and booleans are equal, not equal or one of.
 */
public enum DatasetField {
    SIZE("size", Kind.NUMBER), NUMBER_OF_FILES("numberOfFiles", Kind.NUMBER),
    CREATION_TIME("creationTime", Kind.TIME), PID("pid", Kind.TEXT), TYPE("type", Kind.TEXT),
    DATASET_NAME("datasetName", Kind.TEXT), OWNER("owner", Kind.TEXT), OWNER_GROUP("ownerGroup", Kind.TEXT),
    CREATION_LOCATION("creationLocation", Kind.TEXT), DATA_FORMAT("dataFormat", Kind.TEXT),
    PROPOSAL_IDS("proposalIds", Kind.TEXT), SAMPLE_IDS("sampleIds", Kind.TEXT),
    INSTRUMENT_IDS("instrumentIds", Kind.TEXT), KEYWORDS("keywords", Kind.TEXT),
    IS_PUBLISHED("isPublished", Kind.BOOLEAN);

    /** What a field's values are. */
    public enum Kind {
        NUMBER, TIME, TEXT, BOOLEAN;

        /** Whether it is ordered, so that lt, gt and between mean something. */
        public boolean ordered() {
            return this == NUMBER || this == TIME;
        }
    }

    private final String json;
    private final Kind kind;

    DatasetField(String json, Kind kind) {
        this.json = json;
        this.kind = kind;
    }

    /** Its name in SciCat's documents and queries. */
    public String json() {
        return json;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<DatasetField> byJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }

    /** The names, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(DatasetField::json).toList();
    }

    /**
     * A value of this field as typed: a number, a time (ISO-8601, or a day: 2026-11-20 is its start, UTC),
     * true or false, or the text itself. A refusal says what is wrong with the value; the caller says where.
     */
    public Object parse(String typed) throws InvalidQueryException {
        String s = typed.strip();
        switch (kind) {
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(s);
                    if (Double.isFinite(d)) {
                        return d;
                    }
                } catch (NumberFormatException e) {
                    // said below
                }
                throw new InvalidQueryException("'" + s + "' is not a number");
            }
            case TIME -> {
                try {
                    return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : Instant.parse(s);
                } catch (DateTimeParseException e) {
                    throw new InvalidQueryException("'" + s + "' is not a time (as 2026-11-20 or"
                            + " 2026-11-20T08:00:00Z)");
                }
            }
            case BOOLEAN -> {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw new InvalidQueryException("expected true or false, not '" + s + "'");
            }
            default -> {
                return s;
            }
        }
    }

    /**
     * A dataset's values of a text field (none where it has none; several for a list); numbers, times and
     * booleans are read by {@link #number(Dataset)}.
     */
    public List<String> texts(Dataset d) {
        return switch (this) {
            case PID -> List.of(d.pid());
            case TYPE -> List.of(d.type().json());
            case DATASET_NAME -> List.of(d.datasetName());
            case OWNER -> List.of(d.owner());
            case OWNER_GROUP -> List.of(d.ownerGroup());
            case CREATION_LOCATION -> d.creationLocation() == null ? List.of() : List.of(d.creationLocation());
            case DATA_FORMAT -> d.dataFormat() == null ? List.of() : List.of(d.dataFormat());
            case PROPOSAL_IDS -> d.proposalIds();
            case SAMPLE_IDS -> d.sampleIds();
            case INSTRUMENT_IDS -> d.instrumentIds();
            case KEYWORDS -> d.keywords();
            case IS_PUBLISHED -> List.of(Boolean.toString(d.isPublished()));
            case SIZE, NUMBER_OF_FILES, CREATION_TIME -> List.of();
        };
    }

    /** A dataset's value of a number or time field (a time in epoch milliseconds); 0 for the others. */
    public double number(Dataset d) {
        return switch (this) {
            case SIZE -> d.size();
            case NUMBER_OF_FILES -> d.numberOfFiles();
            case CREATION_TIME -> d.creationTime().toEpochMilli();
            default -> 0;
        };
    }
}
