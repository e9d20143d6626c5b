package org.scizoo.headless.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.scizoo.core.ports.ProposalSource;
import org.scizoo.headless.Args;
import org.scizoo.headless.UsageException;
import org.scizoo.proposals.FileProposalSource;
import org.scizoo.proposals.RestProposalSource;

/**
 * {@code --user-office URL} / {@code --proposals-file FILE}: a proposal source registered as a service for
 * this run, so the ingestion finds each scan's proposal (title, PI, groups) there.
 */
final class UserOffice {

    static final String TOKEN_ENV = "SCIZOO_USER_OFFICE_TOKEN";

    private UserOffice() {
    }

    /** @return the registration to undo at the end, or null when neither option is given */
    static AutoCloseable register(Args args) throws UsageException {
        ProposalSource source;
        if (args.value("user-office") != null) {
            URI url;
            try {
                url = URI.create(args.value("user-office"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--user-office " + args.value("user-office") + " is no URL");
            }
            String data = args.value("data");
            Path offline = Path.of(data != null ? data : System.getProperty("user.home")).resolve("proposals");
            source = new RestProposalSource(url, System.getenv(TOKEN_ENV), offline, Duration.ofMinutes(10),
                    Clock.systemUTC());
        } else if (args.value("proposals-file") != null) {
            source = new FileProposalSource(Path.of(args.value("proposals-file")));
        } else {
            return null;
        }
        BundleContext context = FrameworkUtil.getBundle(UserOffice.class).getBundleContext();
        ServiceRegistration<ProposalSource> registration = context.registerService(ProposalSource.class, source, null);
        return registration::unregister;
    }

    static void unregister(AutoCloseable registration) {
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                // the framework is stopping: the service goes with it
            }
        }
    }
}
