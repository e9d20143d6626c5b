package org.scizoo.tests.support;

import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Gets services the way the product does: from the OSGi registry, registered by Declarative Services. */
public final class OsgiServices {

    private static final long WAIT_MS = 10_000;

    private OsgiServices() {
    }

    public static <T> T get(Class<T> type) throws InterruptedException {
        return get(type, s -> true);
    }

    /** The first registered service of the type that matches, waiting up to 10 s for it. */
    public static <T> T get(Class<T> type, Predicate<T> which) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline) {
                Object[] services = tracker.getServices();
                for (Object s : services == null ? new Object[0] : services) {
                    if (which.test(type.cast(s))) {
                        return type.cast(s);
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no matching " + type.getSimpleName() + " service registered within 10 s");
        } finally {
            tracker.close();
        }
    }
}
