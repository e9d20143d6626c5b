package org.scizoo.core.ports;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One device reader and one device directory over all that are installed, so that a configuration may
 * name Tango devices and the simulated beamline's side by side: each device (or directory host) goes to
 * the first in the given order (highest service ranking first) that reads or serves it.
 */
public final class Devices {

    private Devices() {
    }

    /** @param readers in rank order; empty gives empty */
    public static Optional<DeviceReader> reader(List<DeviceReader> readers) {
        List<DeviceReader> all = List.copyOf(readers);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceReader() {
            @Override
            public boolean reads(String device) {
                return all.stream().anyMatch(r -> r.reads(device));
            }

            @Override
            public List<AttributeReading> read(String device, List<String> attributes, Duration timeout) {
                for (DeviceReader r : all) {
                    if (r.reads(device)) {
                        return r.read(device, attributes, timeout);
                    }
                }
                return attributes.stream().map(a -> AttributeReading.failed(device, a,
                        "no installed device reader reads '" + device + "'")).toList();
            }
        });
    }

    /** @param directories in rank order; empty gives empty */
    public static Optional<DeviceDirectory> directory(List<DeviceDirectory> directories) {
        List<DeviceDirectory> all = List.copyOf(directories);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceDirectory() {
            @Override
            public boolean serves(String hostOrDevice) {
                return all.stream().anyMatch(d -> d.serves(hostOrDevice));
            }

            @Override
            public List<String> hosts() {
                return all.stream().flatMap(d -> d.hosts().stream()).distinct().toList();
            }

            /** The directory that names the host itself, else the first that serves it. */
            private DeviceDirectory of(String hostOrDevice) throws CatalogException {
                for (DeviceDirectory d : all) {
                    if (d.hosts().contains(hostOrDevice)) {
                        return d;
                    }
                }
                for (DeviceDirectory d : all) {
                    if (d.serves(hostOrDevice)) {
                        return d;
                    }
                }
                throw new CatalogException("No installed device directory serves '" + hostOrDevice + "'");
            }

            @Override
            public List<String> domains(String host) throws CatalogException {
                return of(host).domains(host);
            }

            @Override
            public List<String> families(String host, String domain) throws CatalogException {
                return of(host).families(host, domain);
            }

            @Override
            public List<String> members(String host, String domain, String family) throws CatalogException {
                return of(host).members(host, domain, family);
            }

            @Override
            public String deviceName(String host, String domain, String family, String member) {
                try {
                    return of(host).deviceName(host, domain, family, member);
                } catch (CatalogException e) {
                    return all.get(0).deviceName(host, domain, family, member);
                }
            }

            @Override
            public List<String> attributes(String device) throws CatalogException {
                return of(device).attributes(device);
            }
        });
    }
}
