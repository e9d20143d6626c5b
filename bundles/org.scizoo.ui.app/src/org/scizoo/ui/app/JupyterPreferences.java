package org.scizoo.ui.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.Preferences;
import org.scizoo.jupyter.JupyterTarget;

/**
 * Where *Open in Jupyter* writes and opens notebooks (Window > Preferences > Jupyter): a JupyterHub and the
 * folder of this computer its user servers see, or a local Jupyter's command; and the notebooks' folder.
 */
public final class JupyterPreferences {

    public static final String HUB_URL = "hub-url";
    public static final String HUB_HOME = "hub-home";
    public static final String FOLDER = "folder";
    public static final String COMMAND = "command";
    static final String DEFAULT_FOLDER_NAME = "scizoo-notebooks";

    /** What the preferences say, checked. */
    public record Settings(JupyterTarget target, Path folder) {
    }

    private JupyterPreferences() {
    }

    public static Preferences node() {
        return InstanceScope.INSTANCE.getNode("org.scizoo.workbench").node("jupyter");
    }

    /** The saved settings; a combination that cannot work is an {@link IllegalArgumentException} saying why. */
    public static Settings load() {
        Preferences p = node();
        return settings(p.get(HUB_URL, ""), p.get(HUB_HOME, ""), p.get(FOLDER, ""), p.get(COMMAND, ""));
    }

    /**
     * Settings from the fields as typed: no hub means the local command ({@code jupyter lab} when empty); a
     * hub needs its home folder, and the notebooks' folder (default: {@code scizoo-notebooks} in the hub's home,
     * else in the user's home) must be inside it.
     */
    public static Settings settings(String hubUrl, String hubHome, String folder, String command) {
        List<String> words = command.isBlank() ? JupyterTarget.DEFAULT_LOCAL_COMMAND
                : List.of(command.strip().split("\\s+"));
        JupyterTarget target;
        if (hubUrl.isBlank()) {
            target = JupyterTarget.local(words);
        } else {
            if (hubHome.isBlank()) {
                throw new IllegalArgumentException("JupyterHub: say which folder of this computer its user servers"
                        + " see as their root (the hub's home)");
            }
            try {
                target = JupyterTarget.hub(new URI(hubUrl.strip()), Path.of(hubHome.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("JupyterHub: '" + hubUrl + "' is not a URL: " + e.getReason());
            }
        }
        Path base = target.isHub() ? target.hubHome() : Path.of(System.getProperty("user.home"));
        Path notebooks = (folder.isBlank() ? base.resolve(DEFAULT_FOLDER_NAME) : Path.of(folder.strip()))
                .toAbsolutePath().normalize();
        if (target.isHub() && !notebooks.startsWith(target.hubHome())) {
            throw new IllegalArgumentException("Notebooks folder: " + notebooks + " is not in the hub's home "
                    + target.hubHome() + ", so the hub could not open them");
        }
        return new Settings(target, notebooks);
    }
}
