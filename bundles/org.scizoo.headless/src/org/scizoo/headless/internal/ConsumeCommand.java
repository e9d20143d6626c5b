package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.HealthEndpoint;
import org.scizoo.headless.UsageException;
import org.scizoo.transport.kafka.KafkaSecurity;
import org.scizoo.transport.kafka.SciCowConsumer;

/** {@code scizoo consume}: SciCow, Kafka → catalogue, until stopped. */
@Component(service = CliCommand.class)
public class ConsumeCommand implements CliCommand {

    private final CatalogStoreProvider stores;

    @Activate
    public ConsumeCommand(@Reference CatalogStoreProvider stores) {
        this.stores = stores;
    }

    @Override
    public String name() {
        return "consume";
    }

    @Override
    public String summary() {
        return "SciCow: store the datasets arriving on Kafka in the catalogue";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo consume --kafka HOST:PORT [--topic NAME] [--group NAME] [--instance-id NAME]
                                      [--duration T] [--status-every T] [--health-port N] [--config FILE]
                                      [--data DIR | --mongo-uri URI | --scicat URL --scicat-user NAME]

                Reads catalogue entries from Kafka (a consumer group: start more to share the partitions)
                and upserts them into the catalogue in batches; offsets are committed once the store has
                acknowledged. Messages that are not valid entries go to <topic>.dlq with the reason.
                Runs until --duration has passed or Ctrl-C / SIGTERM, which finishes the batch in hand.
                  --topic NAME        default scizoo.catalog.v1
                  --group NAME        the consumer group (default scicow)
                  --instance-id NAME  a fixed member name in the group (e.g. scicow-1 per service):
                                      restarted after a crash, it takes its partitions back at once
                  --status-every T    a status line every T (default 10s)
                  --health-port N     answer GET http://127.0.0.1:N/health with JSON (200 up, 503 trouble)
                  --mongo-user NAME   log in to MongoDB as NAME (password: $SCIZOO_MONGO_PASSWORD)
                  --scicat URL        write through SciCat's API instead, as --scicat-user (SciCat's
                                      ingestor; password: $SCIZOO_SCICAT_PASSWORD); an entry SciCat
                                      refuses (400, 422) goes to <topic>.dlq with SciCat's message
                  --kafka-user NAME   log in to Kafka with SASL as NAME (password: $SCIZOO_KAFKA_PASSWORD)
                  --kafka-sasl-mechanism M  PLAIN (default), SCRAM-SHA-256 or SCRAM-SHA-512
                  --config FILE       the same options as a properties file (kafka = host:9092, group = …);
                                      options on the command line win
                Exit codes: 0 done, 1 failed (store unreachable at start, port taken), 2 wrong options,
                143 stopped by SIGTERM (after the batch in hand was stored and committed).""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parseWithConfigFile(argList,
                Args.with(Args.with(Args.with(Args.BACKEND_OPTIONS, Args.KAFKA_LOGIN_OPTIONS), Args.SCICAT_OPTIONS),
                        "kafka",
                        "topic", "group", "instance-id", "duration", "status-every", "health-port"),
                Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        BackendSettings settings = args.backend();
        if (settings.kafkaBootstrap() == null) {
            throw new UsageException("--kafka HOST:PORT is required");
        }
        Duration duration = args.duration("duration", null);
        Duration every = args.duration("status-every", Duration.ofSeconds(10));
        String group = args.value("group") == null ? "scicow" : args.value("group");
        try (CatalogStore store = stores.open(settings, err::println)) {
            SciCowConsumer cow = new SciCowConsumer(settings.kafkaBootstrap(), settings.kafkaTopic(), group,
                    args.value("instance-id"), KafkaSecurity.clientProperties(settings.credentials()), store);
            HealthEndpoint health = args.value("health-port") == null ? null
                    : new HealthEndpoint(args.intValue("health-port", 0, 0), () -> new HealthEndpoint.Health(
                            cow.lastProblem(), Map.of("stored", cow.stored(), "deadLettered", cow.deadLettered(),
                                    "partitions", cow.partitions())));
            Thread worker = Thread.ofPlatform().name("scicow").start(cow);
            // SIGTERM / Ctrl-C: the JVM runs only shutdown hooks, so the hook finishes the batch in hand.
            Thread hook = new Thread(() -> {
                cow.close();
                join(worker);
                out.println("stopped by a signal: " + summary(cow));
                out.flush();
            }, "scicow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("consuming " + settings.kafkaTopic() + " from " + settings.kafkaBootstrap() + " into "
                    + store.describe() + " as group " + group);
            RunFor runFor = new RunFor(duration);
            while (worker.isAlive() && !runFor.over()) {
                worker.join(runFor.nextWaitMillis(every));
                status(cow, out);
            }
            cow.close();
            join(worker);
            if (health != null) {
                health.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            out.println(summary(cow));
            if (cow.failed()) {
                err.println("scizoo consume: " + cow.lastProblem());
                return FAILED;
            }
            return OK;
        } catch (CatalogException e) {
            err.println("scizoo consume: " + e.getMessage());
            return FAILED;
        } catch (java.io.IOException e) {
            err.println("scizoo consume: cannot answer health checks on --health-port: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static String summary(SciCowConsumer cow) {
        return "stored " + cow.stored() + " datasets, " + cow.deadLettered() + " messages to the dead-letter topic";
    }

    private static void status(SciCowConsumer cow, PrintStream out) {
        out.println("status: stored " + cow.stored() + ", dead-lettered " + cow.deadLettered() + ", partitions "
                + cow.partitions()
                + (cow.lastProblem() == null ? "" : ", problem: " + cow.lastProblem()));
    }

    private static void join(Thread t) {
        try {
            t.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
