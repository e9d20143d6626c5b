package org.scizoo.transport.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.common.KafkaException;
import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataTransport;
import org.scizoo.core.ports.MetadataTransportFactory;

/**
 * The Kafka transport, for sessions whose settings name a Kafka bootstrap, with its durable outbox in
 * {@code <data>/outbox/<topic>} (capped at 1 GiB; at the cap new datasets are refused, none dropped).
 */
@Component(service = MetadataTransportFactory.class)
public class KafkaTransportFactory implements MetadataTransportFactory {

    @Override
    public MetadataTransport create(BackendSettings settings, Consumer<List<CatalogEntry>> delivered,
            Consumer<CatalogException> onFailure) throws CatalogException {
        // One outbox per data folder and topic: what this host has accepted and Kafka not yet.
        java.nio.file.Path outbox = settings.dataDir().resolve("outbox").resolve(settings.kafkaTopic());
        try {
            return new OutboxKafkaTransport(settings.kafkaBootstrap(), settings.kafkaTopic(), outbox,
                    DiskOutbox.DEFAULT_CAP_BYTES, KafkaSecurity.clientProperties(settings.credentials()), delivered,
                    onFailure);
        } catch (java.io.IOException e) {
            throw new CatalogException("Cannot open the Kafka outbox in " + outbox + ": " + e.getMessage(), e);
        } catch (KafkaException | IllegalArgumentException e) {
            throw new CatalogException("Cannot use Kafka at " + settings.kafkaBootstrap() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable watch(BackendSettings settings, Consumer<List<CatalogEntry>> published,
            Consumer<String> problems) {
        return new KafkaLiveFeed(settings.kafkaBootstrap(), settings.kafkaTopic(),
                KafkaSecurity.clientProperties(settings.credentials()), published, problems);
    }
}
