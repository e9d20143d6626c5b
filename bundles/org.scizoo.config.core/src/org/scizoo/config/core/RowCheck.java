package org.scizoo.config.core;

/**
 * What reading a row once from its device said: reachable and readable with its live value and the unit
 * that will be recorded (the row's, else the attribute's Tango configuration), or the problem.
 */
public record RowCheck(boolean ok, String liveValue, String unit, String quality, String problem) {

    public static RowCheck problem(String problem) {
        return new RowCheck(false, null, null, null, problem);
    }
}
