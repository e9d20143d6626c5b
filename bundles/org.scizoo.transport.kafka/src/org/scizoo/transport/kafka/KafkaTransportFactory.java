package org.scizoo.transport.kafka;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.common.KafkaException;
import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataTransport;
import org.scizoo.core.ports.MetadataTransportFactory;

/** The Kafka transport, for sessions whose settings name a Kafka bootstrap. */
@Component(service = MetadataTransportFactory.class)
public class KafkaTransportFactory implements MetadataTransportFactory {

    @Override
    public MetadataTransport create(BackendSettings settings, Consumer<List<CatalogEntry>> delivered,
            Consumer<CatalogException> onFailure) throws CatalogException {
        try {
            return new KafkaMetadataTransport(settings.kafkaBootstrap(), settings.kafkaTopic(), Map.of(), delivered,
                    onFailure);
        } catch (KafkaException | IllegalArgumentException e) {
            throw new CatalogException("Cannot use Kafka at " + settings.kafkaBootstrap() + ": " + e.getMessage(), e);
        }
    }
}
