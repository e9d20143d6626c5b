package org.scizoo.source.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Scan;
import org.scizoo.core.model.ScanOutcome;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanListener;

/**
 * A SAXS beamline that runs a scan every {@code interval}: Sardana-style commands, detectors, a data
 * file per scan. What its devices read (sample cell temperatures, sample description/well/concentration,
 * Eiger settings, water bath, energy) is not invented here: it is harvested like a real beamline's, through
 * its SciDog configuration, from {@link SimulatedSaxsDevices}, so editing the configuration changes what
 * the next scan records. Like a real beamline's, not every scan finishes: about one in twelve is aborted
 * part-way and one in thirty fails with an error, recorded as SciFish records a Door's (outcome, points
 * planned and recorded, error). The random seed makes runs repeatable.
 */
public final class SimulatedBeamline implements ScanEventSource {

    public static final String INSTRUMENT = "sim-saxs";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final String[] MOTORS = { "mot01", "sample_x", "sample_y", "det_z" };

    private final Duration interval;
    private final Clock clock;
    private final Random random;
    /** Outcomes draw from a stream of their own, so the seeded metadata stays what it was. */
    private final Random outcomes;
    private final String proposalId;
    private final String user;
    private long nextScanId;
    private ScheduledExecutorService timer;

    public SimulatedBeamline(Duration interval, long firstScanId, long seed, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The simulated scan interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.nextScanId = firstScanId;
        this.random = new Random(seed);
        this.outcomes = new Random(seed + 1);
        this.clock = clock;
        this.proposalId = SimulatedUserOffice.PROPOSAL_ID;
        this.user = SimulatedUserOffice.PI_EMAIL;
    }

    @Override
    public String name() {
        return "simulated beamline " + INSTRUMENT + " (a scan every " + interval.toMillis() / 1000.0 + " s)";
    }

    @Override
    public synchronized void start(ScanListener listener) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("scizoo-sim-beamline").unstarted(r));
        long periodMs = interval.toMillis();
        timer.scheduleAtFixedRate(() -> runOneScan(listener, periodMs), periodMs / 2, periodMs, TimeUnit.MILLISECONDS);
    }

    private void runOneScan(ScanListener listener, long periodMs) {
        try {
            Scan started = nextScan();
            listener.scanStarted(started);
            // The scan "runs" for half the interval; the end is reported from the same thread.
            long runMs = Math.max(1, periodMs / 2);
            Thread.sleep(runMs);
            listener.scanEnded(started.ended(clock.instant(), endMetadata(started)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            listener.sourceProblem(INSTRUMENT, "simulated scan failed: " + e.getMessage(), e);
        }
    }

    /** The next scan as it starts. Public for tests and benchmarks that need scans without waiting. */
    public synchronized Scan nextScan() {
        long id = nextScanId++;
        Instant start = clock.instant();
        String command = command();
        List<String> detectors = random.nextInt(4) == 0 ? List.of("eiger", "ct01", "ct02")
                : List.of("eiger", "pilatus", "ct01");
        String folder = "/data/visitors/" + INSTRUMENT + "/" + proposalId + "/" + DAY.format(start) + "/raw";
        String file = String.format(Locale.ROOT, "scan_%05d.h5", id);
        Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        metadata.put(ScanOutcome.PLANNED_POINTS, MetadataValue.of(plannedPoints(command)));
        return new Scan(INSTRUMENT, id, command, detectors, folder, file, start, null, proposalId, user, metadata);
    }

    /** The points a command's scan takes: intervals + 1 (a mesh: per axis). */
    static long plannedPoints(String command) {
        String[] w = command.split(" ");
        return switch (w[0]) {
            case "timescan" -> Long.parseLong(w[1]) + 1;
            case "mesh" -> (Long.parseLong(w[4]) + 1) * (Long.parseLong(w[8]) + 1);
            default -> Long.parseLong(w[w.length - 2]) + 1;
        };
    }

    private String command() {
        return switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "ascan %s 0.0 1.0 %d 0.1", MOTORS[random.nextInt(MOTORS.length)],
                    5 + random.nextInt(20));
            case 1 -> String.format(Locale.ROOT, "dscan sample_x -0.5 0.5 %d 0.05", 10 + random.nextInt(30));
            case 2 -> String.format(Locale.ROOT, "timescan %d 0.2", 10 + random.nextInt(90));
            default -> "mesh sample_x 0 1 5 sample_y 0 1 5 0.1";
        };
    }

    private synchronized Map<String, MetadataValue> endMetadata(Scan started) {
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        long planned = ((Number) started.metadata().get(ScanOutcome.PLANNED_POINTS).value()).longValue();
        int draw = outcomes.nextInt(60);
        long points = draw < 7 ? 1 + outcomes.nextInt((int) Math.max(1, planned - 1)) : planned;
        m.put(ScanOutcome.POINTS, MetadataValue.of(points));
        m.put(ScanOutcome.OUTCOME, MetadataValue.of(draw < 5 ? ScanOutcome.ABORTED
                : draw < 7 ? ScanOutcome.FAILED : ScanOutcome.FINISHED));
        if (draw >= 5 && draw < 7) {
            m.put(ScanOutcome.ERROR, MetadataValue.of("Exception: eiger did not answer within 3 s (simulated)"));
        }
        return m;
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping == null) {
            return;
        }
        // No new scans; the one running ends and is recorded (interrupting it would drop it, and an
        // interrupted thread's file writes close the outbox's channel). Waited for without this object's
        // lock: the scan's end takes it (endMetadata), and under it close waited out its whole timeout while
        // the scan could not end, which then ended into a closed session and was lost.
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(interval.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
