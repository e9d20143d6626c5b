package org.scizoo.headless.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.scizoo.core.config.InvalidConfigException;
import org.scizoo.core.config.MetadataConfigFiles;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.core.ports.Devices;
import org.scizoo.harvest.EntryResult;
import org.scizoo.harvest.HarvestResult;
import org.scizoo.harvest.Harvester;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/** {@code scizoo harvest --config FILE}: one read of every configured attribute, as a scan would do. */
@Component(service = CliCommand.class)
public class HarvestCommand implements CliCommand {

    private final DeviceReader reader;

    /** Every installed reader (Tango, the simulated beamline's devices): each device to the one that reads it. */
    @Activate
    public HarvestCommand(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<DeviceReader> readers) {
        this.reader = Devices.reader(readers).orElseThrow();
    }

    @Override
    public String name() {
        return "harvest";
    }

    @Override
    public String summary() {
        return "read every attribute of a SciDog configuration file once and print it";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo harvest --config FILE [--beamline NAME] [--timeout T] [--sequential]
                                      [--repeat N] [--quiet]

                Reads every enabled entry of the configuration (JSON, or CSV with the header
                group,name,device,attribute,unit,when,enabled) from Tango and prints name, value, unit and
                quality, or the entry's error. Devices are Tango names through TANGO_HOST's database, or
                full tango://host:port/domain/family/member#dbase=no names, or the simulated beamline's
                sim://sim-saxs/FAMILY/MEMBER.
                  --timeout T     per device (default 3s)
                  --sequential    one request per attribute, one after the other (the slow baseline)
                  --repeat N      harvest N times and print the median time (for benchmarks)
                  --quiet         print only the summary
                  --beamline NAME the instrument of a CSV file (default: the file's name)
                Exit code 0 when every entry was read, 1 when one failed or the file is invalid.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("config", "beamline", "timeout", "repeat"),
                Set.of("sequential", "quiet"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        String file = args.value("config");
        if (file == null) {
            throw new UsageException("--config FILE is required");
        }
        Duration timeout = args.duration("timeout", Duration.ofSeconds(3));
        int repeat = args.intValue("repeat", 1, 1);
        MetadataConfig config;
        try {
            config = MetadataConfigFiles.read(Path.of(file), args.value("beamline"));
        } catch (IOException e) {
            err.println("scizoo harvest: cannot read " + file + ": " + e.getMessage());
            return FAILED;
        } catch (InvalidConfigException e) {
            err.println("scizoo harvest: " + file + " is not a valid configuration: " + e.getMessage());
            return FAILED;
        }
        Harvester harvester = new Harvester(reader, timeout);
        List<Long> micros = new ArrayList<>();
        HarvestResult last = null;
        for (int i = 0; i < repeat; i++) {
            last = args.flag("sequential") ? harvester.harvestOneByOne(config.entries())
                    : harvester.harvest(config.entries());
            micros.add(last.took().toNanos() / 1000);
        }
        if (!args.flag("quiet")) {
            for (EntryResult r : last.entries()) {
                out.println(r.ok() ? String.format(Locale.ROOT, "%-24s %s  [%s]", r.entry().name(), r.value().display(),
                        r.reading().quality())
                        : String.format(Locale.ROOT, "%-24s ERROR %s", r.entry().name(), r.error()));
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        out.printf(Locale.ROOT, "read %d of %d entries from %d devices in %.1f ms (%s)%s%n",
                last.entries().size() - last.failures().size(), last.entries().size(),
                last.entries().stream().map(r -> r.entry().device()).distinct().count(),
                micros.get(micros.size() - 1) / 1000.0,
                args.flag("sequential") ? "one by one" : "grouped by device, in parallel",
                repeat > 1 ? String.format(Locale.ROOT, "; median of %d: %.1f ms, min %.1f ms", repeat,
                        sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0) : "");
        return last.failures().isEmpty() ? OK : FAILED;
    }

}
