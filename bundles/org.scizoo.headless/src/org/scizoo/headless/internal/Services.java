package org.scizoo.headless.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up OSGi services for the application, waiting briefly while Declarative Services starts them. */
final class Services implements AutoCloseable {

    private final BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new java.util.ArrayList<>();

    <T> List<T> all(Class<T> type, long settleMs) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        trackers.add(t);
        t.waitForService(settleMs);
        Object[] found = t.getServices();
        return found == null ? List.of() : java.util.Arrays.stream(found).map(type::cast).toList();
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
