package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.H5Listing;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Hdf5Exception;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo bench-hdf5 FILE…}, run by {@code ./scizoo bench hdf5} on files h5py wrote: the inspector's
 * first paint (open the file, list the root's members with their kind and NeXus class: the tree's first
 * rows) and a full walk (every object, as {@code h5ls -r} lists them), beside {@code h5ls -r FILE} run on the
 * same file in the same run. Goals: first paint < 0.3 s whatever the file size; full walk ≤ 2× h5ls -r.
 */
@Component(service = CliCommand.class)
public class BenchHdf5Command implements CliCommand {

    @Override
    public String name() {
        return "bench-hdf5";
    }

    @Override
    public String summary() {
        return "benchmark: HDF5 tree first paint and full walk against h5ls -r (see ./scizoo bench hdf5)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-hdf5 [--reps R] FILE…

                For each file: R times (default 5) the first paint of the inspector's tree (open, the root's
                members with kind and NX_class) and a full walk (every object, h5ls -r's lines), then R runs of
                `h5ls -r FILE` (output discarded). Prints the first (cold) and median times and the ratios.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("reps"), Set.of());
        int reps = args.intValue("reps", 5, 1);
        if (args.positional().isEmpty()) {
            throw new UsageException("name one or more HDF5 files");
        }
        boolean met = true;
        try {
            for (String name : args.positional()) {
                met &= bench(Path.of(name), reps, out);
            }
        } catch (Hdf5Exception | IOException e) {
            err.println("bench-hdf5: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
        out.println(met ? "all goals met" : "a goal was missed");
        return OK;
    }

    private static boolean bench(Path file, int reps, PrintStream out)
            throws Hdf5Exception, IOException, InterruptedException {
        double[] paint = new double[reps];
        double[] walk = new double[reps];
        double[] h5ls = new double[reps];
        int rows = 0;
        int objects = 0;
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            try (H5File h5 = H5File.open(file)) {
                rows = firstRows(h5);
            }
            paint[r] = ms(start);
            start = System.nanoTime();
            int[] lines = { 0 };
            try (H5File h5 = H5File.open(file)) {
                new H5Listing(true, false).list(h5, line -> lines[0]++);
            }
            walk[r] = ms(start);
            objects = lines[0];
        }
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("h5ls", "-r", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("h5ls -r " + file + " failed");
            }
            h5ls[r] = ms(start);
        }
        double paintWorst = Arrays.stream(paint).max().orElseThrow();
        double walkMedian = median(walk);
        double h5lsMedian = median(h5ls);
        boolean paintMet = paintWorst < 300;
        boolean walkMet = walkMedian <= 2 * h5lsMedian;
        out.printf("%s: %.1f MB, %d objects, %d rows at the root%n", file.getFileName(), Files.size(file) / 1e6,
                objects,
                rows);
        out.printf("  first paint: first (cold) %.0f ms, median %.0f ms, worst %.0f ms; goal < 300 ms: %s%n", paint[0],
                median(paint), paintWorst, paintMet ? "met" : "NOT met");
        out.printf("  full walk:   first (cold) %.0f ms, median %.0f ms; h5ls -r median %.0f ms (first %.0f ms);"
                + " ratio %.2fx h5ls; goal <= 2x: %s%n", walk[0], walkMedian, h5lsMedian, h5ls[0],
                walkMedian / h5lsMedian, walkMet ? "met" : "NOT met");
        return paintMet && walkMet;
    }

    /** What the tree shows first: the root's members, each with its kind and NeXus class. */
    private static int firstRows(H5File h5) throws Hdf5Exception {
        List<String> labels = new ArrayList<>();
        for (H5Node child : h5.root().children()) {
            String nx = child.nxClass();
            labels.add(child.name() + " " + child.kind().label() + (nx == null ? "" : " " + nx));
        }
        return labels.size();
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
