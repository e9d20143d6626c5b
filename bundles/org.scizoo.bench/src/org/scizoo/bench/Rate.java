package org.scizoo.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Documents stored over a time, the benchmark's figure, and the CPU time each process involved spent over
 * that same time (the writer, the store's server, the broker), which says who the bottleneck is.
 */
record Rate(long documents, Duration time, Map<String, Duration> cpu) {

    private static final long POLL_MS = 100;

    double perSecond() {
        return documents / (time.toNanos() / 1e9);
    }

    String line(String who) {
        return String.format("%-75s %9.0f datasets/s (%d in %.2f s)", who, perSecond(), documents,
                time.toNanos() / 1e9);
    }

    /** Microseconds of CPU {@code process} spent per document, or NaN when it was not measured. */
    double cpuMicrosPerDocument(String process) {
        Duration d = cpu.get(process);
        return d == null ? Double.NaN : d.toNanos() / 1e3 / documents;
    }

    /** "CPU per dataset: SciCow 70 µs, store 120 µs, broker 4 µs", in the order the processes were given. */
    String cpuLine() {
        StringJoiner parts = new StringJoiner(", ", "    CPU per dataset: ", "");
        cpu.keySet().forEach(p -> parts.add(String.format("%s %.0f µs", p, cpuMicrosPerDocument(p))));
        return parts.toString();
    }

    /**
     * Watches a count grow to {@code target}: the rate from the first document seen to the last, so that
     * process start-up and group joins are not counted, and the CPU time each of {@code processes} spent
     * over the same span (a process whose CPU time the system does not tell is left out). Polls every
     * 100 ms (a count is cheap but not free).
     */
    static Rate watch(long target, LongSupplier count, Duration timeout, BooleanSupplier alive,
            Map<String, ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long firstCount = 0;
        Map<String, Duration> cpuAtFirst = Map.of();
        while (true) {
            long n = count.getAsLong();
            long now = System.nanoTime();
            if (firstAt == 0 && n > 0) {
                firstAt = now;
                firstCount = n;
                cpuAtFirst = cpuTimes(processes);
            }
            if (n >= target) {
                return new Rate(target - firstCount, Duration.ofNanos(Math.max(1, now - firstAt)),
                        spent(cpuAtFirst, cpuTimes(processes)));
            }
            if (now > deadline || !alive.getAsBoolean()) {
                throw new IllegalStateException((alive.getAsBoolean() ? "timed out" : "the writer stopped") + " at "
                        + n + " of " + target + " documents");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Each process's CPU time so far (user and system), in the order given. */
    static Map<String, Duration> cpuTimes(Map<String, ProcessHandle> processes) {
        Map<String, Duration> times = new LinkedHashMap<>();
        processes.forEach((name, p) -> p.info().totalCpuDuration().ifPresent(t -> times.put(name, t)));
        return times;
    }

    /** The CPU time spent between two readings, for the processes read both times. */
    static Map<String, Duration> spent(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        after.forEach((name, t) -> {
            if (before.containsKey(name)) {
                spent.put(name, t.minus(before.get(name)));
            }
        });
        return spent;
    }
}
