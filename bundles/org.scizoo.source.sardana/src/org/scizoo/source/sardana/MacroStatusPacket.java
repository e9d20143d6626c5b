package org.scizoo.source.sardana;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonParseException;
import org.scizoo.core.model.ScanOutcome;

/**
 * One change of a Sardana Door's {@code MacroStatus} attribute: a DevEncoded value of format {@code json}
 * holding the status of the macros that changed, each {@code {"id", "state", "range", "step", …}}; a macro
 * that raised adds {@code exc_type} and {@code exc_value}. The states that end a macro are {@code finish},
 * {@code stop}, {@code abort} and {@code exception}; {@code start}, {@code step}, {@code pause} and
 * {@code resume} do not. This is how a Door says how a scan ended: its {@code record_end} is sent the same
 * way whether the scan finished, was stopped or failed (Sardana's GScan sends it in a finally).
 */
public record MacroStatusPacket(List<Status> statuses) {

    /** How a macro stands. @param error the exception's text for {@code exception}, else null */
    public record Status(String macroId, String state, String error) {

        /** True for the states that end a macro. */
        public boolean isFinal() {
            return outcome() != null;
        }

        /** What the scan's dataset records as its outcome, or null while the macro runs. */
        public String outcome() {
            return switch (state) {
                case "finish" -> ScanOutcome.FINISHED;
                case "stop" -> ScanOutcome.STOPPED;
                case "abort" -> ScanOutcome.ABORTED;
                case "exception" -> ScanOutcome.FAILED;
                default -> null;
            };
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the value (format, JSON, shape) */
    public static MacroStatusPacket parse(String format, byte[] data) {
        if (!"json".equals(format) && !"utf8_json".equals(format)) {
            throw new IllegalArgumentException("MacroStatus format is '" + format + "', expected json");
        }
        String text = new String(data, StandardCharsets.UTF_8).strip();
        List<Object> items;
        try {
            // a list of statuses, as a Door sends them; a single object is taken as a list of one
            items = text.startsWith("[") ? Document.parse("{\"s\": " + text + "}").getList("s", Object.class)
                    : List.of(Document.parse(text));
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("MacroStatus is not JSON: " + e.getMessage());
        }
        List<Status> statuses = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Document d && d.get("id") != null && d.get("state") instanceof String state) {
                Object error = d.get("exc_value") != null ? d.get("exc_value") : d.get("exc_type");
                statuses.add(new Status(d.get("id").toString(), state,
                        error == null ? null : error.toString().strip().replaceAll("\\s+", " ")));
            }
        }
        return new MacroStatusPacket(statuses);
    }
}
