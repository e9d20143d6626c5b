package org.scizoo.tango;

import fr.esrf.Tango.DevFailed;
import fr.esrf.TangoApi.DeviceProxy;

/**
 * The one place JTango is called under OSGi: JacORB initialises its ORB lazily, on whichever call comes
 * first, and finds its classes and plug-ins through the thread's context class loader, which must then
 * be JTango's own.
 */
public final class JTango {

    /** A JTango call that may fail as Tango does. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws DevFailed;
    }

    private JTango() {
    }

    public static <T> T call(Call<T> call) throws DevFailed {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(DeviceProxy.class.getClassLoader());
        try {
            return call.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
