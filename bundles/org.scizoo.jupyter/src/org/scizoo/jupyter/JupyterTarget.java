package org.scizoo.jupyter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a notebook opens: a facility's JupyterHub, whose user servers see {@code hubHome} (the user's home
 * or a shared data folder, mounted on the control-room computer too) as their root, or a local Jupyter
 * started on the file. JupyterHub's {@code /user-redirect/} sends the browser to the user's own server.
 */
public record JupyterTarget(URI hub, Path hubHome, List<String> localCommand) {

    /** JupyterLab, the interface the local command and the hub's link open. */
    public static final List<String> DEFAULT_LOCAL_COMMAND = List.of("jupyter", "lab");

    public JupyterTarget {
        localCommand = localCommand == null || localCommand.isEmpty() ? DEFAULT_LOCAL_COMMAND
                : List.copyOf(localCommand);
        if (hub != null) {
            if (!("http".equals(hub.getScheme()) || "https".equals(hub.getScheme())) || hub.getHost() == null) {
                throw new IllegalArgumentException("JupyterHub's address must be an http(s) URL, not " + hub);
            }
            if (hubHome == null) {
                throw new IllegalArgumentException("with a JupyterHub, say which folder of this computer its user"
                        + " servers see as their root (where the notebook must be written)");
            }
        }
    }

    public static JupyterTarget local(List<String> command) {
        return new JupyterTarget(null, null, command);
    }

    public static JupyterTarget hub(URI hub, Path hubHome) {
        return new JupyterTarget(hub, hubHome.toAbsolutePath().normalize(), null);
    }

    public boolean isHub() {
        return hub != null;
    }

    /**
     * The hub's address of a notebook under {@link #hubHome}: {@code HUB/user-redirect/lab/tree/PATH}, each
     * segment encoded; a notebook outside it cannot be reached by the hub and is refused with the reason.
     */
    public URI hubUrl(Path notebook) {
        if (hub == null) {
            throw new IllegalStateException("no JupyterHub is configured");
        }
        Path file = notebook.toAbsolutePath().normalize();
        if (!file.startsWith(hubHome)) {
            throw new IllegalArgumentException(file + " is not in " + hubHome
                    + ", the folder JupyterHub's user servers see: write the notebook there");
        }
        StringBuilder path = new StringBuilder();
        for (Path segment : hubHome.relativize(file)) {
            path.append('/').append(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String base = hub.toString().endsWith("/") ? hub.toString().substring(0, hub.toString().length() - 1)
                : hub.toString();
        return URI.create(base + "/user-redirect/lab/tree" + path);
    }

    /** The local Jupyter's command line on the notebook (it serves the notebook's folder and opens a browser). */
    public List<String> localCommandFor(Path notebook) {
        List<String> command = new ArrayList<>(localCommand);
        command.add(notebook.toAbsolutePath().toString());
        return command;
    }
}
