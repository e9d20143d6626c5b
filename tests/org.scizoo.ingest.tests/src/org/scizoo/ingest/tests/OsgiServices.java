package org.scizoo.ingest.tests;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Gets a service the way the product does: from the OSGi registry, registered by Declarative Services. */
final class OsgiServices {

    private OsgiServices() {
    }

    static <T> T get(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        if (service == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service registered within 10 s");
        }
        return service;
    }
}
