package org.scizoo.transport.kafka;

import java.util.Map;

import org.scizoo.core.ports.Credentials;

/** Kafka client settings for a SASL login from {@link Credentials}; none when there is no Kafka user. */
public final class KafkaSecurity {

    private KafkaSecurity() {
    }

    public static Map<String, Object> clientProperties(Credentials c) {
        if (c == null || !c.hasKafkaUser()) {
            return Map.of();
        }
        String module = c.kafkaMechanism().equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of("security.protocol", c.kafkaTls() ? "SASL_SSL" : "SASL_PLAINTEXT", "sasl.mechanism",
                c.kafkaMechanism(), "sasl.jaas.config", module + " required username=\"" + quote(c.kafkaUser())
                        + "\" password=\"" + quote(c.kafkaPassword() == null ? "" : c.kafkaPassword()) + "\";");
    }

    /** JAAS strings are in double quotes; a quote or backslash in a name or password must be escaped. */
    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
