package org.scizoo.scanlog.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * On an early start (see {@code scizoo.early.start}) prepares eclipse-collections for NatTable on a
 * background thread while the workbench window is still being built, so the Scanlog part does not pay
 * for it on the display thread.
 */
@Component(immediate = true, service = ScanlogWarmUp.class)
public class ScanlogWarmUp {

    @Activate
    void activate() {
        if (Boolean.getBoolean("scizoo.early.start")) {
            Thread.ofPlatform().daemon().name("scizoo-scanlog-warmup").start(EclipseCollectionsInOsgi::initialise);
        }
    }
}
