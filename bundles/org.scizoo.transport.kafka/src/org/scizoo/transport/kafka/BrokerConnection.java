package org.scizoo.transport.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Whether a Kafka client is connected to a broker, from the client's own {@code connection-count} metric,
 * and for how long it has not been. A Kafka client that cannot reach its broker only retries and logs;
 * this lets a status line and a health check say so ("no connection to Kafka at host:9092 since 03:12:40").
 * The text names the time of the loss, not its length, so that it stays the same while the loss lasts: a
 * status listener that prints each new text prints it once.
 *
 * <p>{@link #observe} is called often by the client's own loop (a metric read, cheap); {@link #problem} by
 * any thread. A loss shorter than {@link #GRACE} (a broker restarting, a connection closed when idle and
 * opened again) is not a problem.
 */
final class BrokerConnection {

    static final Duration GRACE = Duration.ofSeconds(5);
    /**
     * Our clients try a lost broker again at most every 5 s instead of Kafka's 1 s: each try logs two
     * warnings per client, which at 1 s buried the status lines of a service waiting out an outage. A broker
     * that comes back is found at most 5 s later.
     */
    static final int RECONNECT_BACKOFF_MAX_MS = 5_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final String bootstrap;
    private final Metric connectionCount;
    /** When the client was first seen without a connection while it needed one; null while it has one. */
    private volatile Lost lost;

    /** The moment of a loss: on the monotonic clock, to time the grace, and on the wall clock, for the message. */
    private record Lost(long nanos, Instant at) {
    }

    private BrokerConnection(String bootstrap, Metric connectionCount) {
        this.bootstrap = bootstrap;
        this.connectionCount = connectionCount;
    }

    /**
     * @param metrics a producer's or consumer's {@code metrics()} (read on the client's own thread: a consumer's
     *        metrics() is not thread-safe; the metric found is)
     * @param group {@code producer-metrics} or {@code consumer-metrics}
     */
    static BrokerConnection of(String bootstrap, Map<MetricName, ? extends Metric> metrics, String group) {
        Metric count = metrics.entrySet().stream()
                .filter(m -> m.getKey().name().equals("connection-count") && m.getKey().group().equals(group))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("this Kafka client has no " + group + "/connection-count"));
        return new BrokerConnection(bootstrap, count);
    }

    /** @param needed false while the client has nothing to do (an idle producer may close its connections) */
    void observe(boolean needed) {
        if (!needed || connected()) {
            lost = null;
        } else if (lost == null) {
            lost = new Lost(System.nanoTime(), Instant.now());
        }
    }

    /** "no connection to Kafka at …" once the client has been without one for {@link #GRACE}; else null. */
    String problem() {
        Lost since = lost;
        if (since == null || System.nanoTime() - since.nanos() < GRACE.toNanos()) {
            return null;
        }
        return "no connection to Kafka at " + bootstrap + " since " + CLOCK.format(since.at()) + " (retrying)";
    }

    private boolean connected() {
        return connectionCount.metricValue() instanceof Number n && n.doubleValue() > 0;
    }
}
