package org.scizoo.config.ui;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/** Jobs on one beamline's SciDog configuration (load, save) run one at a time; other beamlines' run beside. */
record BeamlineRule(String beamline) implements ISchedulingRule {

    @Override
    public boolean contains(ISchedulingRule rule) {
        return equals(rule);
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return equals(rule);
    }
}
