package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scizoo.core.scicat.IsoInstants;

/** The fast path of {@link IsoInstants} gives what {@link Instant#parse} gives, and refuses what it refuses. */
class IsoInstantsTest {

    @Test
    void agreesWithInstantParseOnEveryFormInstantsArePrintedIn() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
        }
        for (String text : List.of("2026-11-21T08:53:40.1Z", "2026-11-21T08:53:40.12Z", "2026-11-21T08:53:40.1234Z",
                "2026-11-21T08:53:40.12345Z", "2026-11-21T08:53:40.1234567Z", "2026-11-21T08:53:40.12345678Z",
                "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "2026-11-21T09:53:40+01:00", "2026-11-21T08:53:40.5-02:30", "2026-06-30T23:59:60Z")) {
            assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
        }
    }

    @Test
    void refusesWhatInstantParseRefusesAndTakesItsOddCases() {
        for (String text : List.of("2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
                "2026-11-21T08:60:00Z", "2026-11-21 08:53:40Z", "2026-11-21T08:53:40", "2026-11-21T08:53:40.Z",
                "2026-11-21T08:53:40.1234567890Z", "2026-1a-21T08:53:40Z", "yesterday", "", "2026-11-21T08:53:4OZ",
                "2026-11-21T24:00:00Z", "+12026-11-21T08:53:40Z")) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text), text);
                continue;
            }
            assertEquals(expected, IsoInstants.parse(text), text);
        }
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("2026-13-01T00:00:00Z"));
    }
}
