package org.scizoo.ui.app;

import java.net.URL;
import java.util.Enumeration;

import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.impl.set.mutable.MutableSetFactoryImpl;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * NatTable uses eclipse-collections, whose factory holders ({@code Sets.mutable}, {@code IntLists}, …)
 * find their implementations with {@link java.util.ServiceLoader} when first initialised: first through
 * the thread's context class loader, then their own. Under OSGi neither sees the implementation bundle
 * (the jars from Maven Central carry no SPI Fly headers), and a holder initialised that way stays broken
 * ("Could not find any implementations of MutableSetFactory" on every paint). So before the first
 * NatTable is made, every holder is initialised once with the implementation bundle as context loader.
 */
public final class EclipseCollectionsInOsgi {

    private static final String FACTORY_PACKAGE = "org/eclipse/collections/api/factory";
    private static volatile boolean done;

    private EclipseCollectionsInOsgi() {
    }

    public static synchronized void initialise() {
        if (done) {
            return;
        }
        Bundle api = FrameworkUtil.getBundle(Sets.class);
        ClassLoader impl = MutableSetFactoryImpl.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(impl);
        try {
            Enumeration<URL> entries = api == null ? null : api.findEntries(FACTORY_PACKAGE, "*.class", true);
            while (entries != null && entries.hasMoreElements()) {
                String path = entries.nextElement().getPath();
                String name = path.substring(path.indexOf(FACTORY_PACKAGE), path.length() - ".class".length())
                        .replace('/', '.');
                try {
                    Class.forName(name, true, Sets.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class that cannot be initialised is one NatTable does not need
                }
            }
            done = true;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
