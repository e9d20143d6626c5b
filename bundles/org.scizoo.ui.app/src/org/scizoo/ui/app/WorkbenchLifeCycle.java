package org.scizoo.ui.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The workbench's life cycle hook (the product's {@code lifeCycleURI}): before e4 loads the application
 * model, a layout saved from a model it cannot show is set aside (see {@link SavedLayout}). The model is
 * {@code Application.e4xmi} and every fragment contributed to {@code org.eclipse.e4.workbench.model}, so a
 * new menu or part shows up in the window at the next start, and a beamline's own plug-in added to the
 * installation shows its views in the layout the users already made.
 */
public class WorkbenchLifeCycle {

    private static final System.Logger LOG = System.getLogger(WorkbenchLifeCycle.class.getName());
    /** Where e4's ResourceHandler keeps the saved model, under the instance location (-data). */
    private static final String SAVED_MODEL = ".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi";
    private static final String MODEL_EXTENSION_POINT = "org.eclipse.e4.workbench.model";

    @PostContextCreate
    void setAsideALayoutOfAnotherModel() {
        Optional<Path> savedModel = savedModel();
        if (savedModel.isEmpty()) {
            return; // no -data: e4 saves no layout either
        }
        Path saved = savedModel.get();
        try {
            SavedLayout.resetIfAsked(saved).ifPresent(aside -> LOG.log(System.Logger.Level.INFO,
                    "Window > Reset layout: the layout was set aside (" + aside + ")."));
            SavedLayout.keepOnlyIfMadeFrom(saved, modelSources()).ifPresent(aside -> LOG.log(
                    System.Logger.Level.WARNING,
                    "The window layout saved by an earlier version was set aside (" + aside + "): this version's"
                            + " menus and views differ (or a plug-in was removed), and the old layout would hide what"
                            + " is new."
                            + " The workbench starts with its default layout."));
        } catch (IOException e) {
            // The workbench must start: at worst with the old layout, as before this check existed.
            LOG.log(System.Logger.Level.WARNING, "Could not check the saved window layout " + saved + ": " + e
                    + ". If a menu or view is missing, start once with ./scizoo --reset-layout.");
        }
    }

    /**
     * Application.e4xmi and every model fragment, each with the SHA-256 of its content. A fragment is named by
     * its bundle, its path and how it is applied ({@code apply}: "always" when not given, as e4 reads it).
     */
    public static List<SavedLayout.ModelSource> modelSources() throws IOException {
        List<SavedLayout.ModelSource> sources = new ArrayList<>();
        Bundle app = FrameworkUtil.getBundle(WorkbenchLifeCycle.class);
        String name = app.getSymbolicName() + "/Application.e4xmi";
        sources.add(new SavedLayout.ModelSource(name, sha256(name, app.getEntry("Application.e4xmi")), false));
        for (IConfigurationElement fragment : RegistryFactory.getRegistry()
                .getConfigurationElementsFor(MODEL_EXTENSION_POINT)) {
            String uri = fragment.getAttribute("uri");
            if (uri == null) {
                continue; // a processor, not a fragment: code, which no digest can see
            }
            String apply = fragment.getAttribute("apply") == null ? "always" : fragment.getAttribute("apply");
            Bundle contributor = ContributorFactoryOSGi.resolve(fragment.getContributor());
            name = fragment.getContributor().getName() + "/" + uri + "/" + apply;
            URL entry = contributor == null ? null : contributor.getEntry(uri);
            sources.add(new SavedLayout.ModelSource(name, sha256(name, entry), !"initial".equals(apply)));
        }
        return sources;
    }

    /** Of the content when the file is in its bundle; of the name alone otherwise (a platform: URI). */
    private static String sha256(String name, URL entry) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no SHA-256 in this JVM", e);
        }
        if (entry == null) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
        } else {
            try (InputStream in = entry.openStream()) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Where e4 keeps the layout it saved: in the instance location (-data), if there is one. */
    public static Optional<Path> savedModel() {
        return instanceLocation(FrameworkUtil.getBundle(WorkbenchLifeCycle.class).getBundleContext())
                .map(instance -> instance.resolve(SAVED_MODEL));
    }

    private static Optional<Path> instanceLocation(BundleContext bundles) {
        Collection<ServiceReference<Location>> refs;
        try {
            refs = bundles.getServiceReferences(Location.class, Location.INSTANCE_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant of the framework's
        }
        for (ServiceReference<Location> ref : refs) {
            Location location = bundles.getService(ref);
            try {
                URL url = location == null ? null : location.getURL();
                if (url != null && "file".equals(url.getProtocol())) {
                    // Equinox's location URLs are not encoded (a space stays a space): read the path, not a URI.
                    return Optional.of(new File(url.getPath()).toPath());
                }
            } finally {
                bundles.ungetService(ref);
            }
        }
        return Optional.empty();
    }
}
