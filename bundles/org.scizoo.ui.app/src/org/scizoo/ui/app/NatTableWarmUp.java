package org.scizoo.ui.app;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * On an early start (see {@code scizoo.early.start}) prepares eclipse-collections for NatTable on a
 * background thread while the workbench window is still being built, so the first NatTable part (the
 * Scanlog, the SciDog editor) does not pay for it on the display thread.
 */
@Component(immediate = true, service = NatTableWarmUp.class)
public class NatTableWarmUp {

    @Activate
    void activate() {
        if (Boolean.getBoolean("scizoo.early.start")) {
            Thread.ofPlatform().daemon().name("scizoo-nattable-warmup").start(EclipseCollectionsInOsgi::initialise);
        }
    }
}
