package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.CatalogMessages;
import org.scizoo.transport.kafka.CatalogMessages.InvalidMessageException;
import org.scizoo.transport.kafka.PlainJson;

/** SciCow's fast JSON reader gives what Document.parse gives, and leaves it everything that is not plain JSON. */
class PlainJsonTest {

    @Test
    void readsEveryCatalogueMessageAsDocumentParseDoes() {
        for (int i = 0; i < 500; i++) {
            byte[] message = CatalogMessages.encode(SampleEntries.entry(i, i % 3));
            Document fast = PlainJson.parse(message);
            assertNotNull(fast, "a message SciZoo writes is plain JSON");
            assertEquals(Document.parse(new String(message, StandardCharsets.UTF_8)), fast);
        }
    }

    @Test
    void readsPlainJsonAsDocumentParseDoes() {
        for (String json : List.of("{}", " {\n\t\"a\" : [ ] , \"b\":{} }\r\n",
                "{\"a\": [1, -0, 0, 2147483647, 2147483648,"
                        + " -2147483648, -2147483649, 9223372036854775807, -9223372036854775808]}",
                "{\"d\": [1.5, -0.0, 1e3, 1E-2, 2.5e+10, 6.02214076E23, 1e400]}",
                "{\"s\": \"Lysozym – 20 °C ✓ \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 😀\"}",
                "{\"t\": true, \"f\": false, \"n\": null, \"dup\": 1, \"dup\": 2}",
                "{\"deep\": [[[[{\"x\": [{}, [], \"\"]}]]]], \"e\": \"\"}")) {
            Document fast = PlainJson.parse(json.getBytes(StandardCharsets.UTF_8));
            assertNotNull(fast, json);
            assertEquals(Document.parse(json), fast, json);
        }
    }

    @Test
    void leavesEverythingElseToDocumentParse() {
        for (String json : List.of("{\"t\": {\"$date\": \"2026-11-21T08:00:00Z\"}}", "{\"n\": NaN}", "{'a': 1}",
                "{a: 1}",
                "{\"a\": 1} trailing", "{\"a\": 9223372036854775808}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}",
                "{\"a\": +1}", "{\"a\": \"\\x\"}", "{\"a\": [1,]}", "{\"a\": 1,}", "[1]", "",
                "{\"a\": ObjectId(\"x\")}",
                "{\"a\": tru}", "{\"a\": \"unterminated}", "{\"a\" 1}")) {
            assertNull(PlainJson.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        }
        String deep = "{\"a\": " + "[".repeat(300) + "]".repeat(300) + "}";
        assertNull(PlainJson.parse(deep.getBytes(StandardCharsets.UTF_8)), "deeper than 200");
        assertEquals(1, Document.parse(deep).size(), "Document.parse reads it");
    }

    @Test
    void aMessageNestedTooDeeplyIsAnInvalidMessageNotACrash() {
        byte[] bomb = ("{\"a\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        InvalidMessageException e = assertThrows(InvalidMessageException.class,
                () -> CatalogMessages.decode(null, bomb));
        assertTrue(e.getMessage().startsWith("not JSON") || e.getMessage().startsWith("format"), e.getMessage());
    }
}
