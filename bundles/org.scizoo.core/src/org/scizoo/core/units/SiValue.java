package org.scizoo.core.units;

/**
 * A value in SI units as SciCat stores it beside a {@code scientificMetadata} value: {@code valueSI} (a
 * number, a pair of numbers for a range, or the value itself when its unit is not known) and {@code unitSI}
 * (SI base units written as SciCat's unit library writes them: {@code (kg m^2) / s^2}, or the unit itself).
 */
public record SiValue(Object valueSI, String unitSI) {
}
