package org.scizoo.headless.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.config.InvalidConfigException;
import org.scizoo.core.config.MetadataConfigDiff;
import org.scizoo.core.config.MetadataConfigFiles;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.harvest.EntryResult;
import org.scizoo.harvest.HarvestResult;
import org.scizoo.harvest.Harvester;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/** {@code scizoo config …}: a beamline's SciDog configuration in the catalogue, for staff scripting. */
@Component(service = CliCommand.class)
public class ConfigCommand implements CliCommand {

    private final CatalogStoreProvider stores;
    private final DeviceReader reader;

    @Activate
    public ConfigCommand(@Reference CatalogStoreProvider stores, @Reference DeviceReader reader) {
        this.stores = stores;
        this.reader = reader;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "export, import, validate a beamline's SciDog configuration; its history and diffs";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo config export   --beamline NAME [--version N] [--format json|csv] [--output FILE]
                       scizoo config import   --beamline NAME --file FILE [--author NAME]
                       scizoo config validate --beamline NAME [--file FILE] [--timeout T]
                       scizoo config history  --beamline NAME
                       scizoo config diff     --beamline NAME --from N [--to M]
                and the catalogue options --data DIR | --mongo-uri URI.

                import saves the file as the beamline's next version (every save is kept); validate checks
                a file (or the stored configuration) and reads every entry once from Tango: is the device
                reachable, does the attribute exist, which unit will be recorded. validate exits 1 when an
                entry has a problem.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Args.with(Args.BACKEND_OPTIONS, "beamline", "version", "format", "output",
                "file", "author", "timeout", "from", "to"), Set.of());
        if (args.positional().size() != 1) {
            throw new UsageException("say what to do: export, import, validate, history or diff");
        }
        String beamline = args.value("beamline");
        if (beamline == null || beamline.isBlank()) {
            throw new UsageException("--beamline NAME is required");
        }
        String action = args.positional().get(0);
        if (!Set.of("export", "import", "validate", "history", "diff").contains(action)) {
            throw new UsageException("unknown action '" + action + "' (export, import, validate, history, diff)");
        }
        // import saves and validate may check a file alone; export, history and diff read what is there
        boolean reads = Set.of("export", "history", "diff").contains(action);
        try (CatalogStore store = reads ? stores.openExisting(args.backend(), err::println)
                : stores.open(args.backend(), err::println)) {
            return switch (action) {
                case "export" -> export(store, beamline, args, out, err);
                case "import" -> importFile(store, beamline, args, out, err);
                case "validate" -> validate(store, beamline, args, out, err);
                case "history" -> history(store, beamline, out);
                default -> diff(store, beamline, args, out, err);
            };
        } catch (CatalogException e) {
            err.println("scizoo config: " + e.getMessage());
            return FAILED;
        }
    }

    private int export(CatalogStore store, String beamline, Args args, PrintStream out, PrintStream err)
            throws CatalogException, UsageException {
        String format = Optional.ofNullable(args.value("format")).orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new UsageException("--format is json or csv, not '" + format + "'");
        }
        Optional<MetadataConfig> config = args.value("version") == null ? store.configs().current(beamline)
                : store.configs().version(beamline, args.intValue("version", 1, 1));
        if (config.isEmpty()) {
            err.println("scizoo config: " + beamline + " has no " + (args.value("version") == null ? "configuration"
                    : "version " + args.value("version")) + " yet");
            return FAILED;
        }
        String text = format.equals("csv") ? MetadataConfigFiles.toCsv(config.get())
                : MetadataConfigFiles.toJson(config.get());
        if (args.value("output") == null) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            return OK;
        }
        try {
            Files.writeString(Path.of(args.value("output")), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("scizoo config: cannot write " + args.value("output") + ": " + e.getMessage());
            return FAILED;
        }
        out.println("wrote version " + config.get().version() + " of " + beamline + " to " + args.value("output"));
        return OK;
    }

    private int importFile(CatalogStore store, String beamline, Args args, PrintStream out, PrintStream err)
            throws CatalogException, UsageException {
        MetadataConfig config = readFile(args, beamline, err);
        if (config == null) {
            return FAILED;
        }
        String author = Optional.ofNullable(args.value("author")).orElse(System.getProperty("user.name", "unknown"));
        MetadataConfig saved = store.configs().save(beamline, config.entries(), author);
        out.println(
                "saved " + beamline + " version " + saved.version() + " (" + saved.entries().size() + " entries) by "
                        + author);
        return OK;
    }

    private int validate(CatalogStore store, String beamline, Args args, PrintStream out, PrintStream err)
            throws CatalogException, UsageException {
        MetadataConfig config;
        if (args.value("file") != null) {
            config = readFile(args, beamline, err);
            if (config == null) {
                return FAILED;
            }
        } else {
            Optional<MetadataConfig> current = store.configs().current(beamline);
            if (current.isEmpty()) {
                err.println("scizoo config: " + beamline + " has no configuration yet (give --file to check one)");
                return FAILED;
            }
            config = current.get();
        }
        Duration timeout = args.duration("timeout", Duration.ofSeconds(3));
        HarvestResult result = new Harvester(reader, timeout).harvest(config.entries());
        for (EntryResult r : result.entries()) {
            out.println(r.ok() ? String.format(Locale.ROOT, "ok     %-24s %s %s -> %s", r.entry().name(),
                    r.entry().device(), r.entry().attribute(), r.value().display())
                    : String.format(Locale.ROOT, "ERROR  %-24s %s %s: %s", r.entry().name(), r.entry().device(),
                            r.entry().attribute(), r.error()));
        }
        long disabled = config.entries().stream().filter(e -> !e.enabled()).count();
        out.println(result.failures().size() + " of " + result.entries().size() + " entries have a problem"
                + (disabled > 0 ? "; " + disabled + " disabled, not checked" : ""));
        return result.failures().isEmpty() ? OK : FAILED;
    }

    private static int history(CatalogStore store, String beamline, PrintStream out) throws CatalogException {
        List<MetadataConfig> versions = store.configs().history(beamline);
        if (versions.isEmpty()) {
            out.println(beamline + " has no configuration yet");
        }
        for (MetadataConfig c : versions) {
            out.printf(Locale.ROOT, "version %-4d %s  %-16s %d entries%n", c.version(), c.savedAt(), c.author(),
                    c.entries().size());
        }
        return OK;
    }

    private static int diff(CatalogStore store, String beamline, Args args, PrintStream out, PrintStream err)
            throws CatalogException, UsageException {
        int from = args.intValue("from", -1, 1);
        if (from < 1) {
            throw new UsageException("--from N is required");
        }
        Optional<MetadataConfig> a = store.configs().version(beamline, from);
        Optional<MetadataConfig> b = args.value("to") == null ? store.configs().current(beamline)
                : store.configs().version(beamline, args.intValue("to", 1, 1));
        if (a.isEmpty() || b.isEmpty()) {
            err.println("scizoo config: " + beamline + " has no version " + (a.isEmpty() ? from : args.value("to")));
            return FAILED;
        }
        MetadataConfigDiff d = MetadataConfigDiff.between(a.get(), b.get());
        out.println(
                "version " + a.get().version() + " \u2192 " + b.get().version() + (d.isEmpty() ? ": no change" : ":"));
        d.lines().forEach(l -> out.println("  " + l));
        return OK;
    }

    private static MetadataConfig readFile(Args args, String beamline, PrintStream err) throws UsageException {
        String file = args.value("file");
        if (file == null) {
            throw new UsageException("--file FILE is required");
        }
        try {
            MetadataConfig c = MetadataConfigFiles.read(Path.of(file), beamline);
            if (!c.instrument().equals(beamline)) {
                err.println("scizoo config: " + file + " is for " + c.instrument() + ", not " + beamline);
                return null;
            }
            return c;
        } catch (IOException e) {
            err.println("scizoo config: cannot read " + file + ": " + e.getMessage());
        } catch (InvalidConfigException e) {
            err.println("scizoo config: " + file + " is not a valid configuration: " + e.getMessage());
        }
        return null;
    }
}
