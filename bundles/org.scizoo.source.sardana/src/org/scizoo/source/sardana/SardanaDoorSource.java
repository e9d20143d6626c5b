package org.scizoo.source.sardana;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.source.sardana.internal.ScanAssembler;
import org.scizoo.tango.JTango;

import fr.esrf.Tango.DevEncoded;
import fr.esrf.Tango.DevError;
import fr.esrf.Tango.DevFailed;
import fr.esrf.TangoApi.CallBack;
import fr.esrf.TangoApi.DeviceProxy;
import fr.esrf.TangoApi.events.EventData;
import fr.esrf.TangoDs.TangoConst;

/**
 * SciFish: subscribes through JTango to a Sardana Door's {@code RecordData} change events and reports
 * scans as they start and end, and to its {@code MacroStatus} for how each ended (finished, stopped,
 * aborted, failed with its error: the record_end is the same for all). The subscription is stateless, so JTango keeps trying while the Door or
 * the Tango database is away and resubscribes when they return; a Door that cannot be reached at all at
 * start (no Tango database, the Door not defined yet) is tried again every few seconds. The first event
 * of a subscription is the Door's current value (an error before any macro ran, or the last packet of an
 * earlier scan) and is skipped, as is the same harmless error from a Door restarted since. A Door that
 * cannot be subscribed to, or whose events turn to errors (a lost connection), is reported down once and
 * up once when it is back; a scan it was running then is stored as ended without record_end. Malformed
 * packets are reported as problems. None of these stops the source.
 */
public final class SardanaDoorSource implements ScanEventSource {

    private final String door;
    private final ScanAssembler assembler;
    private final ZoneId doorZone;
    /** How often a Door that could not be reached at start is tried again. */
    static final Duration RETRY = Duration.ofSeconds(5);

    private DeviceProxy proxy;
    private int subscription = -1;
    private int statusSubscription = -1;
    private boolean closed;
    /** Set while the Door cannot be subscribed to, so that is reported once, and its recovery once. */
    private volatile boolean failing;
    /** Set while the Door's events are errors (it is gone), so that is reported once, and its return once. */
    private volatile boolean eventsFailing;
    private volatile ScheduledExecutorService retry;
    /** Ends the scans whose record_end or final status waited long enough for the other. */
    private volatile ScheduledExecutorService ticker;
    /** Tango sends the attribute's current value on subscription: a packet from an earlier scan. */
    private volatile boolean initialEventSeen;
    private volatile boolean initialStatusSeen;

    public SardanaDoorSource(String door, String instrument, String proposalId, ZoneId doorZone) {
        this.door = door;
        this.doorZone = doorZone;
        this.assembler = new ScanAssembler(instrument, proposalId, door);
    }

    @Override
    public String name() {
        return "Sardana Door " + door;
    }

    @Override
    public void start(ScanListener listener) {
        synchronized (this) {
            initialEventSeen = false;
            initialStatusSeen = false;
            closed = false;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("scifish-ends " + door).unstarted(r));
        ticker.scheduleWithFixedDelay(() -> assembler.tick(listener, Instant.now()), 500, 500, TimeUnit.MILLISECONDS);
        if (!subscribe(listener)) {
            retry = Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("scifish-subscribe " + door).unstarted(r));
            retry.scheduleWithFixedDelay(() -> {
                if (isClosed() || subscribe(listener)) {
                    retry.shutdown();
                }
            }, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Connects to the Door and subscribes; false if the Tango database or the Door's definition cannot be
     * reached (JTango retries a subscription by itself only once it has the device): reported the first
     * time, tried again every {@link #RETRY} until it works or the source is closed.
     */
    private boolean subscribe(ScanListener listener) {
        DeviceProxy door;
        int id;
        try {
            // outside the lock: a Tango database that does not answer keeps this call for seconds
            door = JTango.call(() -> new DeviceProxy(this.door));
            id = JTango.call(() -> door.subscribe_event("RecordData", TangoConst.CHANGE_EVENT,
                    new CallBack() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public void push_event(EventData event) {
                            handle(event, listener);
                        }
                    }, new String[0], true));
        } catch (DevFailed e) {
            return failed(listener, describe(e.errors), e);
        } catch (RuntimeException e) {
            return failed(listener, e.toString(), e); // not JTango's usual way to fail: the same, and tried again
        }
        int statusId = subscribeStatus(door, listener);
        synchronized (this) {
            if (closed) {
                unsubscribe(door, id);
                unsubscribe(door, statusId);
                return true;
            }
            proxy = door;
            subscription = id;
            statusSubscription = statusId;
        }
        if (failing) {
            failing = false;
            listener.sourceUp(name(), "subscribed to RecordData");
        }
        return true;
    }

    /**
     * MacroStatus says how each scan ended. A Door without it (not a Sardana Door, or a very old one) still
     * records scans; their outcome is judged by their points, and that is said once.
     */
    private int subscribeStatus(DeviceProxy door, ScanListener listener) {
        try {
            int id = JTango.call(() -> door.subscribe_event("MacroStatus", TangoConst.CHANGE_EVENT,
                    new CallBack() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public void push_event(EventData event) {
                            handleStatus(event, listener);
                        }
                    }, new String[0], true));
            assembler.followingStatus(true);
            return id;
        } catch (DevFailed | RuntimeException e) {
            assembler.followingStatus(false);
            listener.sourceProblem(name(), "cannot subscribe to MacroStatus ("
                    + (e instanceof DevFailed d ? describe(d.errors) : e.toString())
                    + "): a scan's outcome is judged by its points (all recorded: finished; else unknown)", e);
            return -1;
        }
    }

    private void handleStatus(EventData event, ScanListener listener) {
        boolean initial = !initialStatusSeen;
        initialStatusSeen = true;
        if (initial || event.errors != null && event.errors.length > 0) {
            return; // the status of an earlier macro; a lost Door is said by RecordData's events
        }
        try {
            DevEncoded value = event.attr_value.extractDevEncoded();
            assembler.accept(MacroStatusPacket.parse(value.encoded_format, value.encoded_data), listener,
                    Instant.now());
        } catch (DevFailed e) {
            if (!harmless(describe(e.errors))) {
                listener.sourceProblem(name(), "unreadable MacroStatus event: " + describe(e.errors), e);
            }
        } catch (IllegalArgumentException e) {
            listener.sourceProblem(name(), "malformed MacroStatus ignored: " + e.getMessage(), e);
        }
    }

    /** What a Door that has not run a macro (since it started) answers: no problem. */
    private static boolean harmless(String why) {
        return why.contains("No macro has run so far") || why.contains("does not produce any data");
    }

    private boolean failed(ScanListener listener, String why, Exception e) {
        if (!failing) {
            failing = true;
            listener.sourceDown(name(), "cannot subscribe to RecordData: " + why + " (trying again every "
                    + RETRY.toSeconds() + " s)", e);
        }
        return false;
    }

    private void handle(EventData event, ScanListener listener) {
        boolean initial = !initialEventSeen;
        initialEventSeen = true;
        boolean error = event.errors != null && event.errors.length > 0;
        String why = error ? describe(event.errors) : null;
        // A Door that has not run a macro answers with an error: not a problem. Others are (a lost Door:
        // JTango sends one every few seconds until the Door is back, then subscribes again by itself).
        if (error && !harmless(why)) {
            if (!eventsFailing) {
                eventsFailing = true;
                listener.sourceDown(name(), why, null);
                assembler.doorLost(why, listener, Instant.now());
            }
            return;
        }
        if (eventsFailing) {
            eventsFailing = false;
            listener.sourceUp(name(), "RecordData events arrive again");
        }
        if (error || initial) {
            return; // a Door with no scan yet, or the last packet of an earlier scan
        }
        try {
            DevEncoded value = event.attr_value.extractDevEncoded();
            assembler.accept(RecordDataPacket.parse(value.encoded_format, value.encoded_data, doorZone), listener,
                    Instant.now());
        } catch (DevFailed e) {
            // a Door restarted since answers the resubscription with its read error, inside the value
            if (!harmless(describe(e.errors))) {
                listener.sourceProblem(name(), "unreadable RecordData event: " + describe(e.errors), e);
            }
        } catch (IllegalArgumentException e) {
            listener.sourceProblem(name(), "malformed RecordData packet ignored: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            listener.sourceProblem(name(), "RecordData packet not handled: " + e, e);
        }
    }

    static String describe(DevError[] errors) {
        if (errors == null || errors.length == 0) {
            return "Tango error without description";
        }
        // on one line: JTango's descriptions carry the CORBA exception's text on lines of their own
        return errors[0].desc == null ? errors[0].reason : errors[0].desc.strip().replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        for (ScheduledExecutorService executor : new ScheduledExecutorService[] { retry, ticker }) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        synchronized (this) {
            closed = true;
            if (proxy != null && subscription >= 0) {
                unsubscribe(proxy, subscription);
                unsubscribe(proxy, statusSubscription);
                subscription = -1;
                statusSubscription = -1;
            }
        }
    }

    private static void unsubscribe(DeviceProxy door, int id) {
        if (id < 0) {
            return;
        }
        try {
            door.unsubscribe_event(id);
        } catch (DevFailed e) {
            // the Door is gone already; nothing to undo
        }
    }
}
