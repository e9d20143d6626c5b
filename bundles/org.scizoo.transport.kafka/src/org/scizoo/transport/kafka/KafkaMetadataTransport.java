package org.scizoo.transport.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataTransport;

/**
 * Publishes catalogue entries to Kafka with an idempotent producer ({@code acks=all}, retries without
 * duplicates), keyed by pid. {@link #pending()} counts what the broker has not acknowledged yet; a send
 * that finally fails is reported to {@code onFailure}. Keeping entries across a broker outage longer than
 * the producer's delivery timeout, and across restarts, is {@link OutboxKafkaTransport}'s job.
 */
public final class KafkaMetadataTransport implements MetadataTransport {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String bootstrap;
    private final Consumer<CatalogException> onFailure;
    private final Consumer<java.util.List<CatalogEntry>> delivered;
    private final AtomicLong pending = new AtomicLong();

    public KafkaMetadataTransport(String bootstrap, String topic, Map<String, Object> extra,
            Consumer<CatalogException> onFailure) {
        this(bootstrap, topic, extra, entries -> {
        }, onFailure);
    }

    public KafkaMetadataTransport(String bootstrap, String topic, Map<String, Object> extra,
            Consumer<java.util.List<CatalogEntry>> delivered, Consumer<CatalogException> onFailure) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.delivered = delivered;
        this.onFailure = onFailure;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scizoo-ingest");
        p.putAll(extra);
        producer = withOwnClassLoader(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    @Override
    public void publish(CatalogEntry entry) throws CatalogException {
        String pid = entry.dataset().pid();
        pending.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(topic, pid, CatalogMessages.encode(entry)), (metadata, error) -> {
                pending.decrementAndGet();
                if (error != null) {
                    onFailure.accept(new CatalogException("Kafka at " + bootstrap + " did not take dataset " + pid
                            + ": " + error.getMessage(), error));
                } else {
                    delivered.accept(java.util.List.of(entry));
                }
            });
        } catch (KafkaException e) {
            pending.decrementAndGet();
            throw new CatalogException("Kafka at " + bootstrap + " refused dataset " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long pending() {
        return pending.get();
    }

    @Override
    public String describe() {
        return "Kafka " + bootstrap + " topic " + topic;
    }

    /** Waits until everything sent is acknowledged (or failed). */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /**
     * Makes a Kafka client with kafka-clients' own class loader as context loader: it loads its configured
     * classes (serializers, partitioners) through it, which under OSGi would otherwise not see them.
     */
    public static <T> T withOwnClassLoader(java.util.function.Supplier<T> make) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return make.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
