package org.scizoo.source.sardana.internal;

import java.util.regex.Pattern;

/**
 * What a scan macro's command line says that its data_desc does not: the integration time. Sardana's
 * step scans take it as a parameter at a fixed place: last for {@code ascan}/{@code dscan} and their
 * 2- to 4-motor forms ({@code a2scan m1 s1 e1 m2 s2 e2 intervals integ_time}), the second for
 * {@code timescan nb_points integ_time}, the ninth for {@code mesh}/{@code dmesh}. Other macros: unknown.
 */
final class MacroTitles {

    private static final Pattern STEP_SCAN = Pattern.compile("[ad][2-4]?scan");

    private MacroTitles() {
    }

    /** Seconds, or null when the macro is none of those or the parameter is not a number. */
    static Double integrationTime(String title) {
        String[] words = title == null ? new String[0] : title.strip().split("\\s+");
        if (words.length < 2) {
            return null;
        }
        String macro = words[0];
        int at = STEP_SCAN.matcher(macro).matches() ? words.length - 1
                : macro.equals("timescan") ? 2 : macro.equals("mesh") || macro.equals("dmesh") ? 9 : -1;
        if (at < 1 || at >= words.length) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(words[at]);
            return Double.isFinite(seconds) && seconds >= 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
