package org.scizoo.tango;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.DeviceDirectory;
import org.scizoo.tango.internal.TangoValues;

import fr.esrf.Tango.DevFailed;
import fr.esrf.TangoApi.ApiUtil;
import fr.esrf.TangoApi.Database;
import fr.esrf.TangoApi.DeviceProxy;

/** The Tango database's device tree (as Jive shows it), for the SciDog device browser. */
@Component(service = DeviceDirectory.class)
public class TangoDeviceDirectory implements DeviceDirectory {

    /** Tango hosts and devices: anything but a name of another scheme ({@code sim://…}). */
    @Override
    public boolean serves(String hostOrDevice) {
        return TangoDeviceReader.isTangoName(hostOrDevice);
    }

    @Override
    public List<String> domains(String host) throws CatalogException {
        return call(host, () -> database(host).get_device_domain("*"));
    }

    @Override
    public List<String> families(String host, String domain) throws CatalogException {
        return call(host, () -> database(host).get_device_family(domain + "/*"));
    }

    @Override
    public List<String> members(String host, String domain, String family) throws CatalogException {
        return call(host, () -> database(host).get_device_member(domain + "/" + family + "/*"));
    }

    @Override
    public String deviceName(String host, String domain, String family, String member) {
        return "tango://" + host + "/" + domain + "/" + family + "/" + member;
    }

    @Override
    public List<String> attributes(String device) throws CatalogException {
        return call(device, () -> new DeviceProxy(device).get_attribute_list());
    }

    private static Database database(String host) throws DevFailed {
        int colon = host.lastIndexOf(':');
        if (colon < 0) {
            return ApiUtil.get_db_obj(host + ":10000");
        }
        return ApiUtil.get_db_obj(host.substring(0, colon), host.substring(colon + 1));
    }

    /** The names a query returns, sorted; a Tango failure as a message naming what was asked. */
    private static List<String> call(String what, JTango.Call<String[]> query) throws CatalogException {
        try {
            String[] names = JTango.call(query);
            return Arrays.stream(names).filter(n -> !n.isBlank()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (DevFailed e) {
            throw new CatalogException(what + ": " + TangoValues.describe(e), e);
        } catch (RuntimeException e) {
            throw new CatalogException(what + ": " + e.getMessage(), e);
        }
    }
}
