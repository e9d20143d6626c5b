package org.scizoo.source.sardana;

import java.time.ZoneId;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.TimeZones;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;

/**
 * Source kind {@code sardana}. Options: {@code door} (required: a Tango device name or
 * {@code tango://host:port/…} name), {@code instrument} (default: the Door's domain), {@code proposal},
 * {@code zone} (the Door's time zone for its ctime strings; default this machine's).
 */
@Component(service = ScanEventSourceFactory.class)
public class SardanaDoorSourceFactory implements ScanEventSourceFactory {

    @Override
    public String kind() {
        return "sardana";
    }

    @Override
    public ScanEventSource create(Map<String, String> options) {
        String door = options.get("door");
        if (door == null || door.isBlank()) {
            throw new IllegalArgumentException("the sardana source needs door=<Tango device of the Door>");
        }
        String path = door.replaceFirst("^tango://[^/]+/", "").replaceFirst("#.*$", "");
        if (!path.matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
            // JTango would look it up in the Tango database and answer with a CORBA error about the database
            throw new IllegalArgumentException("'" + door + "' is not a Tango device name: a Door is"
                    + " domain/family/member, or tango://host:port/domain/family/member");
        }
        String instrument = options.getOrDefault("instrument", path.split("/")[0]);
        ZoneId zone = options.containsKey("zone") ? TimeZones.parse(options.get("zone")) : ZoneId.systemDefault();
        return new SardanaDoorSource(door, instrument, options.get("proposal"), zone);
    }
}
