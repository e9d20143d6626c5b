package org.scizoo.tests.support;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/** An application context that has only arguments, as a test starts an IApplication by hand. */
public record ArgsApplicationContext(String... args) implements IApplicationContext {

    @Override
    public Map<String, Object> getArguments() {
        return Map.of(APPLICATION_ARGS, args.clone());
    }

    @Override
    public void applicationRunning() {
        // no splash screen to take down
    }

    @Override
    public String getBrandingApplication() {
        return null;
    }

    @Override
    public String getBrandingName() {
        return null;
    }

    @Override
    public String getBrandingDescription() {
        return null;
    }

    @Override
    public String getBrandingId() {
        return null;
    }

    @Override
    public String getBrandingProperty(String key) {
        return null;
    }

    @Override
    public Bundle getBrandingBundle() {
        return null;
    }

    @Override
    public void setResult(Object result, IApplication application) {
        // started by hand: the caller reads start()'s return value
    }
}
