package org.scizoo.core.ports;

/**
 * Who the workbench or a service is to the shared backend: a MongoDB user (authenticated against the URI's
 * {@code authSource}, else {@code admin}) and a Kafka SASL user (mechanism {@code PLAIN} or
 * {@code SCRAM-SHA-256}/{@code -512}, over {@code SASL_PLAINTEXT}, or {@code SASL_SSL} when
 * {@code kafkaTls}). Passwords come from Eclipse secure storage (workbench) or the environment (services),
 * never from plain files, and {@link #toString()} never shows them.
 */
public record Credentials(String mongoUser, String mongoPassword, String kafkaUser, String kafkaPassword,
        String kafkaMechanism, boolean kafkaTls) {

    public static final Credentials NONE = new Credentials(null, null, null, null, null, false);

    public Credentials {
        mongoUser = blankToNull(mongoUser);
        kafkaUser = blankToNull(kafkaUser);
        kafkaMechanism = blankToNull(kafkaMechanism) == null ? "PLAIN" : kafkaMechanism.strip();
        if (!kafkaMechanism.equals("PLAIN") && !kafkaMechanism.equals("SCRAM-SHA-256")
                && !kafkaMechanism.equals("SCRAM-SHA-512")) {
            throw new IllegalArgumentException("Kafka SASL mechanism " + kafkaMechanism
                    + " is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
        }
    }

    public boolean hasMongoUser() {
        return mongoUser != null;
    }

    public boolean hasKafkaUser() {
        return kafkaUser != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "Credentials[mongoUser=" + mongoUser + ", mongoPassword=" + (mongoPassword == null ? "none" : "***")
                + ", kafkaUser=" + kafkaUser + ", kafkaPassword=" + (kafkaPassword == null ? "none" : "***")
                + ", kafkaMechanism=" + kafkaMechanism + ", kafkaTls=" + kafkaTls + "]";
    }
}
