package org.scizoo.ui.app;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.Preferences;

/**
 * The workbench's own preferences (Window > Preferences), in its instance location: Elogy's address and
 * the author of entries, the analyser computers' time zone, the pid prefix of new datasets and the facility's
 * SciCat web frontend (for links to a dataset's page there). The
 * launcher's options win over them ({@code --time-zone}, {@code -Dscizoo.pid.prefix}); the backend's
 * settings are {@link BackendPreferences}.
 */
public final class WorkbenchPreferences {

    /** Elogy's keys, under {@link #elogy()}. */
    public static final String ELOGY_URL = "url";
    public static final String ELOGY_AUTHOR = "author";
    public static final String ELOGY_LOGIN = "login";
    public static final String ELOGY_EMAIL = "email";
    static final String TIME_ZONE = "time-zone";
    static final String PID_PREFIX = "pid-prefix";
    static final String SCICAT_WEB = "scicat-web";
    /** The system property the ingestion reads the pid prefix from (as {@code -Dscizoo.pid.prefix}). */
    static final String PID_PREFIX_PROPERTY = "scizoo.pid.prefix";

    private WorkbenchPreferences() {
    }

    private static Preferences root() {
        return InstanceScope.INSTANCE.getNode("org.scizoo.workbench");
    }

    public static Preferences elogy() {
        return root().node("elogy");
    }

    static Preferences general() {
        return root().node("general");
    }

    /** The SciCat web frontend saved in the preferences (checked when saved), or empty. */
    public static java.util.Optional<java.net.URI> sciCatWeb() {
        String typed = general().get(SCICAT_WEB, "").strip();
        try {
            return typed.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(org.scizoo.core.scicat.SciCatWeb.frontend(typed));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** For tests and the dialog: the SciCat web frontend to link to ("" for none). */
    public static void setSciCatWeb(String typed) throws org.osgi.service.prefs.BackingStoreException {
        general().put(SCICAT_WEB, typed.strip());
        general().flush();
    }

    /** The time zone saved in the preferences, or null. */
    static String timeZone() {
        String zone = general().get(TIME_ZONE, "").strip();
        return zone.isEmpty() ? null : zone;
    }

    /**
     * The pid prefix saved in the preferences becomes the ingestion's, unless the launcher set one: a
     * process-wide setting, read when the catalogue session starts.
     */
    static void applyPidPrefix() {
        String prefix = general().get(PID_PREFIX, "").strip();
        if (!prefix.isEmpty() && System.getProperty(PID_PREFIX_PROPERTY) == null) {
            System.setProperty(PID_PREFIX_PROPERTY, prefix);
        }
    }
}
