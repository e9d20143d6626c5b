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
                usage: scizoo consume --kafka HOST:PORT [--topic NAME] [--group NAME] [--duration T]
                                      [--status-every T] [--data DIR | --mongo-uri URI]

                Reads catalogue entries from Kafka (a consumer group: start more to share the partitions)
                and upserts them into the catalogue in batches; offsets are committed once the store has
                acknowledged. Messages that are not valid entries go to <topic>.dlq with the reason.
                Runs until --duration has passed or Ctrl-C / SIGTERM, which finishes the batch in hand.
                  --topic NAME        default scizoo.catalog.v1
                  --group NAME        the consumer group (default scicow)
                  --status-every T    a status line every T (default 10s)
                  --health-port N     answer GET http://127.0.0.1:N/health with JSON (200 up, 503 trouble)""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Args.with(Args.BACKEND_OPTIONS, "kafka", "topic", "group", "duration",
                "status-every", "health-port"), Set.of());
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
        try (CatalogStore store = stores.open(settings)) {
            SciCowConsumer cow = new SciCowConsumer(settings.kafkaBootstrap(), settings.kafkaTopic(), group, store);
            HealthEndpoint health = args.value("health-port") == null ? null
                    : new HealthEndpoint(args.intValue("health-port", 0, 0), () -> new HealthEndpoint.Health(
                            cow.lastProblem(), Map.of("stored", cow.stored(), "deadLettered", cow.deadLettered())));
            Thread worker = Thread.ofPlatform().name("scicow").start(cow);
            Thread hook = new Thread(() -> {
                cow.close();
                join(worker);
            }, "scicow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("consuming " + settings.kafkaTopic() + " from " + settings.kafkaBootstrap() + " into "
                    + store.describe() + " as group " + group);
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (worker.isAlive() && System.nanoTime() < end) {
                worker.join(Math.max(1, Math.min(every.toMillis(), (end - System.nanoTime()) / 1_000_000)));
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
            out.println("stored " + cow.stored() + " datasets, " + cow.deadLettered() + " messages to the dead-letter topic");
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

    private static void status(SciCowConsumer cow, PrintStream out) {
        out.println("status: stored " + cow.stored() + ", dead-lettered " + cow.deadLettered()
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
