package org.scizoo.source.sardana;

import java.time.ZoneId;

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
 * scans as they start and end. The subscription is stateless, so JTango keeps trying while the Door or
 * the Tango database is away and resubscribes when they return. The first event of a subscription is the
 * Door's current value (an error before any macro ran, or the last packet of an earlier scan) and is
 * skipped; later error events (a lost connection) and malformed packets are reported as source problems
 * and never stop the source.
 */
public final class SardanaDoorSource implements ScanEventSource {

    private final String door;
    private final ScanAssembler assembler;
    private final ZoneId doorZone;
    private DeviceProxy proxy;
    private int subscription = -1;
    /** Tango sends the attribute's current value on subscription: a packet from an earlier scan. */
    private volatile boolean initialEventSeen;

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
    public synchronized void start(ScanListener listener) {
        initialEventSeen = false;
        try {
            DeviceProxy door = JTango.call(() -> new DeviceProxy(this.door));
            proxy = door;
            subscription = JTango.call(() -> door.subscribe_event("RecordData", TangoConst.CHANGE_EVENT,
                    new CallBack() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public void push_event(EventData event) {
                            handle(event, listener);
                        }
                    }, new String[0], true));
        } catch (DevFailed e) {
            listener.sourceProblem(name(), "cannot subscribe to RecordData: " + describe(e.errors), e);
        }
    }

    private void handle(EventData event, ScanListener listener) {
        boolean initial = !initialEventSeen;
        initialEventSeen = true;
        if (event.errors != null && event.errors.length > 0) {
            String why = describe(event.errors);
            // A Door that has not run a macro answers with an error: not a problem. Others are (a lost Door).
            if (!why.contains("No macro has run so far") && !why.contains("does not produce any data")) {
                listener.sourceProblem(name(), why, null);
            }
            return;
        }
        if (initial) {
            return; // the last packet of an earlier scan
        }
        try {
            DevEncoded value = event.attr_value.extractDevEncoded();
            assembler.accept(RecordDataPacket.parse(value.encoded_format, value.encoded_data, doorZone), listener);
        } catch (DevFailed e) {
            listener.sourceProblem(name(), "unreadable RecordData event: " + describe(e.errors), e);
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
        return errors[0].desc == null ? errors[0].reason : errors[0].desc.strip();
    }

    @Override
    public synchronized void close() {
        if (proxy != null && subscription >= 0) {
            try {
                proxy.unsubscribe_event(subscription);
            } catch (DevFailed e) {
                // the Door is gone already; nothing to undo
            }
            subscription = -1;
        }
    }
}
