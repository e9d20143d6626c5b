package org.scizoo.core.ports;

/** Where scans come from: a Sardana Door (SciFish), a simulated beamline, an analyser folder (SciFly). */
public interface ScanEventSource extends AutoCloseable {

    String name();

    /** Starts delivering events to the listener; returns at once. */
    void start(ScanListener listener);

    @Override
    void close();
}
