package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.scizoo.ui.app.SavedLayout;
import org.scizoo.ui.app.WorkbenchLifeCycle;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;

/**
 * A beamline's own plug-in is added to the installation: the window layout the users made is kept, and the
 * plug-in's view is in it (e4 merges its model fragment into the saved model). The plug-in removed again,
 * the layout is set aside, since it may hold the view with nothing behind it. The plug-in is a bundle made
 * and installed by the test.
 */
class PlugInLayoutTest {

    private static final long TIMEOUT_MS = 60_000;
    private static final List<String> WITH_HOOK = List.of("-persistState", "true", "-lifeCycleURI",
            "bundleclass://org.scizoo.ui.app/org.scizoo.ui.app.WorkbenchLifeCycle");
    private static final String PART = "org.scizoo.test.beamline.part";
    /** What tells the users' layout from the shipped one here: its window's title (the renderer sets no label back). */
    private static final String USERS_TITLE = "SciZoo Workbench, the users' layout";

    @TempDir
    Path data;

    private final Path saved = WorkbenchLifeCycle.savedModel().orElseThrow(() -> new AssertionError("no -data"));
    private Bundle plugIn;

    @Test
    void aPlugInAddedShowsItsViewInTheUsersLayoutAndRemovedSetsTheLayoutAside() throws Exception {
        // the session before: a layout saved from the model as installed
        SavedLayout.keepOnlyIfMadeFrom(saved, WorkbenchLifeCycle.modelSources());
        String usersLayout = shippedModel().replaceFirst("label=\"SciZoo Workbench\"", "label=\"" + USERS_TITLE + "\"");
        assertTrue(usersLayout.contains(USERS_TITLE));
        Files.writeString(saved, usersLayout);

        plugIn = FrameworkUtil.getBundle(getClass()).getBundleContext().installBundle("scizoo-test:beamline-tools",
                plugInJar());
        plugIn.start();
        assertEquals(List.of(USERS_TITLE + ", with the plug-in's view in the main stack"), window(),
                "the users' layout kept, the plug-in's view merged into it");
        assertEquals(usersLayout, Files.readString(saved), "nothing set aside");

        plugIn.uninstall();
        plugIn = null;
        assertEquals(List.of("SciZoo Workbench, without the plug-in's view"), window(), "the shipped layout");
        Path aside = saved.resolveSibling(saved.getFileName() + SavedLayout.SET_ASIDE_SUFFIX);
        assertEquals(usersLayout, Files.readString(aside), "the users' layout kept aside, unchanged");
        assertFalse(Files.exists(saved));
    }

    @AfterEach
    void forgetThePlugInAndTheLayout() throws IOException, BundleException {
        if (plugIn != null) {
            plugIn.uninstall();
        }
        for (String suffix : List.of("", ".model", SavedLayout.SET_ASIDE_SUFFIX)) {
            Files.deleteIfExists(saved.resolveSibling(saved.getFileName() + suffix));
        }
    }

    /** The main window's title, and whether the plug-in's view is in the main part stack. */
    private List<String> window() {
        String[] seen = new String[1];
        boolean done = TestWorkbench.run(
                Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM, "false"),
                WITH_HOOK, TIMEOUT_MS, (MApplication model) -> {
                    MWindow window = model.getChildren().get(0);
                    MUIElement part = model.getContext().get(EModelService.class).find(PART, model);
                    boolean inStack = part != null && part.getParent() != null
                            && "org.scizoo.ui.app.partstack.main".equals(part.getParent().getElementId());
                    seen[0] = window.getLabel() + ", " + (inStack ? "with the plug-in's view in the main stack"
                            : part == null ? "without the plug-in's view" : "with the plug-in's view elsewhere");
                    return true;
                });
        assertTrue(done, "the workbench opened");
        return List.of(seen[0]);
    }

    /** A plug-in as beamline staff write one: a bundle whose model fragment adds a view to the main stack. */
    private static InputStream plugInJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.scizoo.test.beamline.tools;singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            entry(out, "plugin.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <?eclipse version="3.4"?>
                    <plugin>
                       <extension id="fragment" point="org.eclipse.e4.workbench.model">
                          <fragment uri="fragment.e4xmi"/>
                       </extension>
                    </plugin>
                    """);
            entry(out, "fragment.e4xmi", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <fragment:ModelFragments xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                    xmlns:basic="http://www.eclipse.org/ui/2010/UIModel/application/ui/basic" \
                    xmlns:fragment="http://www.eclipse.org/ui/2010/UIModel/fragment" xmi:id="_beamlineFragments">
                      <fragments xsi:type="fragment:StringModelFragment" xmi:id="_beamlinePartFragment" \
                    featurename="children" parentElementId="org.scizoo.ui.app.partstack.main">
                        <elements xsi:type="basic:Part" xmi:id="_beamlinePart" elementId="%s" label="Beamline tools"/>
                      </fragments>
                    </fragment:ModelFragments>
                    """.formatted(PART));
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static String shippedModel() throws IOException {
        try (InputStream in = FrameworkUtil.getBundle(WorkbenchLifeCycle.class).getEntry("Application.e4xmi")
                .openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
