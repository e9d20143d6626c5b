package org.scizoo.tango;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.ports.AttributeReading;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.tango.internal.TangoValues;

import fr.esrf.Tango.DevFailed;
import fr.esrf.TangoApi.AttributeInfo;
import fr.esrf.TangoApi.DeviceAttribute;
import fr.esrf.TangoApi.DeviceProxy;

/**
 * Reads Tango attributes with JTango: all attributes of a device in one {@code read_attributes} call,
 * with the device's timeout set for it. Units come from the attributes' Tango configuration (read once
 * per attribute and kept). Devices are named as Tango does: {@code domain/family/member} through the
 * Tango database of {@code TANGO_HOST}, or a full {@code tango://host:port/domain/family/member#dbase=no}.
 * Nothing is thrown for a device or attribute problem: those come back as readings with their error.
 */
@Component(service = DeviceReader.class)
public class TangoDeviceReader implements DeviceReader {

    private final Map<String, DeviceProxy> proxies = new ConcurrentHashMap<>();
    private final Map<String, String> units = new ConcurrentHashMap<>();
    /** The timeout each proxy has now: setting it is a CORBA policy change, so only when it changes. */
    private final Map<String, Integer> timeouts = new ConcurrentHashMap<>();

    /** A Tango name: {@code domain/family/member}, {@code host:port/…} or {@code tango://…}, not another scheme's. */
    static boolean isTangoName(String name) {
        return name != null && (!name.contains("://") || name.startsWith("tango://"));
    }

    @Override
    public boolean reads(String device) {
        return isTangoName(device);
    }

    @Override
    public List<AttributeReading> read(String device, List<String> attributes, Duration timeout) {
        try {
            return JTango.call(() -> readWithTangoLoader(device, attributes, timeout));
        } catch (DevFailed e) {
            return failAll(device, attributes, TangoValues.describe(e)); // not thrown by the reads themselves
        }
    }

    private List<AttributeReading> readWithTangoLoader(String device, List<String> attributes, Duration timeout) {
        DeviceProxy proxy;
        try {
            proxy = proxy(device);
            int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            if (!Integer.valueOf(ms).equals(timeouts.get(device))) {
                proxy.set_timeout_millis(ms);
                timeouts.put(device, ms);
            }
        } catch (DevFailed e) {
            return failAll(device, attributes, "device unreachable: " + TangoValues.describe(e));
        }
        DeviceAttribute[] read;
        try {
            read = proxy.read_attribute(attributes.toArray(String[]::new));
        } catch (DevFailed e) {
            if (attributes.size() > 1 && !TangoValues.isConnectionProblem(e)) {
                // One bad name fails the whole call: read one by one to tell which.
                List<AttributeReading> out = new ArrayList<>();
                for (String a : attributes) {
                    out.addAll(readWithTangoLoader(device, List.of(a), timeout));
                }
                return out;
            }
            return failAll(device, attributes, TangoValues.describe(e));
        }
        List<AttributeReading> out = new ArrayList<>(read.length);
        for (int i = 0; i < read.length; i++) {
            out.add(reading(proxy, device, attributes.get(i), read[i]));
        }
        return out;
    }

    private AttributeReading reading(DeviceProxy proxy, String device, String attribute, DeviceAttribute da) {
        try {
            if (da.hasFailed()) {
                return AttributeReading.failed(device, attribute, TangoValues.describe(da.getErrStack()));
            }
            String quality = TangoValues.quality(da.getQuality());
            Object value = quality.equals("INVALID") ? null : TangoValues.value(da);
            return new AttributeReading(device, attribute, value, unit(proxy, device, attribute), quality,
                    Instant.ofEpochMilli(da.getTimeValMillisSec()), null);
        } catch (DevFailed e) {
            return AttributeReading.failed(device, attribute, TangoValues.describe(e));
        } catch (IllegalArgumentException e) {
            return AttributeReading.failed(device, attribute, e.getMessage());
        }
    }

    private String unit(DeviceProxy proxy, String device, String attribute) {
        String key = device + "/" + attribute.toLowerCase(java.util.Locale.ROOT);
        String unit = units.get(key);
        if (unit == null) {
            try {
                AttributeInfo info = proxy.get_attribute_info(attribute);
                unit = info.unit == null ? "" : info.unit.strip();
            } catch (DevFailed e) {
                return null; // the value was read; a unit we cannot get is left out, not an error
            }
            units.put(key, unit);
        }
        return unit.isEmpty() || unit.equalsIgnoreCase("No unit") ? null : unit;
    }

    private DeviceProxy proxy(String device) throws DevFailed {
        DeviceProxy p = proxies.get(device);
        if (p != null) {
            return p;
        }
        p = new DeviceProxy(device);
        DeviceProxy raced = proxies.putIfAbsent(device, p);
        return raced != null ? raced : p;
    }

    private static List<AttributeReading> failAll(String device, List<String> attributes, String why) {
        return attributes.stream().map(a -> AttributeReading.failed(device, a, why)).toList();
    }
}
