package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.scizoo.hdf5.Attributes;
import org.scizoo.hdf5.Bounded;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.H5Kind;
import org.scizoo.hdf5.H5Listing;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Hdf5Exception;
import org.scizoo.hdf5.NexusDefault;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo hdf5 ls [-r] FILE} (like {@code h5ls -r}), {@code scizoo hdf5 show FILE PATH} and
 * {@code scizoo hdf5 default FILE} (the NeXus default plot the inspector would show, and how it was found).
 */
@Component(service = CliCommand.class)
public class Hdf5Command implements CliCommand {

    /** A corrupt file gets an error within this time, never a hang. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "hdf5";
    }

    @Override
    public String summary() {
        return "list an HDF5/NeXus file's objects (like h5ls -r) or show one object";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo hdf5 ls [-r] [--nx] FILE
                       scizoo hdf5 show [--count N] FILE PATH
                       scizoo hdf5 default FILE

                ls prints one line per object, as h5ls does: its path (with -r, recursively; else the root's
                members), its kind (Group, Dataset {shape}, Soft Link {target}, External Link {file//path}),
                and "same as" for a second hard link to an object. --nx adds each group's NeXus class.
                show prints an object's kind, NeXus class, attributes, and for a dataset its shape, type,
                layout, chunks, filters, size in memory and on disk, and its first N values (default 10).
                default prints the NeXus default plot that the inspector's Default plot shows: the NXdata,
                its signal with its shape, an axis per dimension ("-" for none), and how it was found (the
                @default chain, or why the first NXdata that can be plotted was taken instead).
                Exit code 1 when the file or object cannot be read (the message says why).""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = new ArrayList<>(argList);
        boolean recursive = rest.remove("-r") | rest.remove("--recursive");
        Args args = Args.parse(rest, Set.of("count"), Set.of("nx"));
        List<String> words = args.positional();
        if (words.isEmpty() || !List.of("ls", "show", "default").contains(words.get(0))) {
            throw new UsageException(words.isEmpty() ? "say what to do: ls, show or default"
                    : "unknown subcommand '" + words.get(0) + "' (known: ls, show, default)");
        }
        String what = words.get(0);
        boolean show = what.equals("show");
        if (words.size() != (show ? 3 : 2)) {
            throw new UsageException(show ? "show takes a FILE and a PATH in it" : what + " takes one FILE");
        }
        Path file = Path.of(words.get(1));
        int count = args.intValue("count", 10, 0);
        try {
            Bounded.call("reading " + file.getFileName(), LIMIT, () -> {
                try (H5File h5 = H5File.open(file)) {
                    if (h5.openForWriting()) {
                        err.println("note: " + file.getFileName() + " is open for writing by another program (or was"
                                + " not closed): it may change while it is read");
                    }
                    switch (what) {
                        case "ls" -> new H5Listing(recursive, args.flag("nx")).list(h5, out::println);
                        case "default" -> defaultPlot(NexusDefault.find(h5), out);
                        default -> show(h5.node(words.get(2)), count, out);
                    }
                }
                return null;
            });
            return OK;
        } catch (Hdf5Exception e) {
            out.flush();
            err.println("scizoo hdf5: " + e.getMessage());
            return FAILED;
        }
    }

    private static void defaultPlot(NexusDefault.Plot plot, PrintStream out) {
        out.println("nxdata: " + plot.nxdata());
        out.println("signal: " + plot.signal() + " " + Arrays.toString(plot.shape()));
        out.println("axes: " + String.join(", ", plot.axes().stream().map(a -> a == null ? "-" : a).toList()));
        out.println("title: " + plot.title());
        out.println("found: " + plot.choice());
    }

    private static void show(H5Node node, int count, PrintStream out) throws Hdf5Exception {
        out.println(node.path() + "  " + node.kind().label());
        if (node.kind().isLink()) {
            out.println("  target: " + node.linkTarget() + (node.isBrokenLink() ? " (broken)" : ""));
            if (node.isBrokenLink()) {
                return;
            }
            node = node.resolved();
        }
        if (node.nxClass() != null) {
            out.println("  NX_class: " + node.nxClass());
        }
        List<Attributes.Row> attributes = Attributes.of(node);
        out.println("  attributes: " + (attributes.isEmpty() ? "none" : attributes.size()));
        for (Attributes.Row a : attributes) {
            out.println("    " + a.name() + " (" + a.type() + ", " + a.shape() + ") = "
                    + (a.error() != null ? "<" + a.error() + ">" : a.value()));
        }
        if (node.kind() == H5Kind.GROUP) {
            out.println("  members: " + node.children().size());
            return;
        }
        if (node.kind() != H5Kind.DATASET) {
            return;
        }
        DatasetFacts facts = DatasetFacts.of(node);
        out.println("  shape: " + facts.h5lsShape());
        out.println("  type: " + facts.type());
        out.println("  layout: " + facts.layout()
                + (facts.chunkShape() != null ? ", chunks " + Arrays.toString(facts.chunkShape()) : ""));
        out.println("  filters: " + (facts.filters().isEmpty() ? "none" : String.join(", ", facts.filters())));
        double ratio = facts.compressionRatio();
        out.println("  size: " + facts.sizeInBytes() + " bytes in memory, " + (facts.storageInBytes() < 0 ? "?"
                : facts.storageInBytes()) + " on disk" + (Double.isNaN(ratio) ? "" : "; ratio %.2f".formatted(ratio)));
        if (count == 0 || facts.elementCount() == 0) {
            return;
        }
        long[] shape = facts.shape();
        SliceRequest request = shape.length == 0 || facts.scalar() ? SliceRequest.firstFrame(new long[0])
                : new SliceRequest(shape.length - 1, -1, new long[shape.length], 0,
                        (int) Math.min(count, shape[shape.length - 1]), 0, 1);
        Slice slice = Slices.read(node, request);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < slice.rows(); i++) {
            values.append(i == 0 ? "" : ", ").append(slice.text(i, 0));
        }
        boolean more = facts.elementCount() > slice.rows();
        out.println("  first values: " + values + (more ? ", … (" + facts.elementCount() + " in all)" : ""));
    }
}
