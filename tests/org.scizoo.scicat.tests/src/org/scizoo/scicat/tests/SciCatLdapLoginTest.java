package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.headless.Args;
import org.scizoo.tests.support.EmbeddedStoreServer;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SciCatBackend;
import org.scizoo.tests.support.Slapd;

/**
 * Logging in through SciCat's LDAP login against a real OpenLDAP ({@code slapd}) with people of its own: a
 * facility user who is in the directory and not among SciCat's local accounts logs in with the same
 * {@code --scicat-user} and password as anyone, and reads what SciCat's access-group provider grants; a wrong
 * password or an unknown name is refused as such.
 */
class SciCatLdapLoginTest {

    private static final String CAROL = "carol";
    private static final String CAROL_PASSWORD = "carol-ldap-pw";
    private static final String GROUP = "20250042";
    private static final String MINE = "20.500.12345/carol-1";
    private static final String OTHERS = "20.500.12345/other-1";
    private static final String PUBLIC = "20.500.12345/public-1";

    @TempDir
    static Path dir;
    private static Slapd ldap;
    private static EmbeddedStoreServer mongo;
    private static SciCatBackend scicat;
    private static CatalogStoreProvider stores;

    @BeforeAll
    static void sciCatWithLdap() throws Exception {
        ldap = new Slapd(dir.resolve("ldap"), Map.of(CAROL, CAROL_PASSWORD, "dave", "dave-ldap-pw"));
        mongo = new EmbeddedStoreServer(dir.resolve("store"));
        stores = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore store = stores.open(new BackendSettings(dir.resolve("data"), mongo.uri(),
                Duration.ofSeconds(5)))) {
            store.upsert(List.of(entry(MINE, GROUP, false, 0), entry(OTHERS, "20250099", false, 1),
                    entry(PUBLIC, "20250099", true, 2)));
        }
        // SciCat 4.5 takes an LDAP user's groups from its access-group provider (static values, a GraphQL
        // service or OIDC claims), not from the directory: here the static one, with the visitors' proposal.
        Map<String, String> settings = new HashMap<>(ldap.sciCatEnvironment());
        settings.put("ACCESS_GROUPS_STATIC_VALUES", GROUP);
        scicat = new SciCatBackend(dir.resolve("scicat"), mongo.uri(), settings);
    }

    @AfterAll
    static void stop() {
        if (scicat != null) {
            scicat.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void aDirectoryUserLogsInWithTheirPasswordAndSeesTheirProposalAndPublicData() throws Exception {
        try (CatalogStore carol = open(CAROL, CAROL_PASSWORD, false)) {
            assertEquals(List.of(PUBLIC, MINE), carol.findDatasets(DatasetQuery.newest(10)).stream()
                    .map(Dataset::pid).toList());
            assertTrue(carol.findDataset(OTHERS).isEmpty(), "another proposal's dataset is not carol's");
            assertTrue(carol.describe().contains("as carol"), carol.describe());
        }
        try (CatalogStore carol = open(CAROL, CAROL_PASSWORD, true)) {
            assertEquals(2, carol.countDatasets(), "the LDAP login asked for directly");
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsRefusedAsSuch() {
        for (String[] who : new String[][] { { CAROL, "not-carols" }, { "nobody", "x" } }) {
            CatalogException e = assertThrows(CatalogException.class, () -> open(who[0], who[1], false).close());
            assertTrue(e.getMessage().contains("wrong user name or password")
                    && e.getMessage().contains("as " + who[0]), e.getMessage());
        }
    }

    @Test
    void aLocalAccountStillLogsInLocallyAndNotThroughTheDirectory() throws Exception {
        try (CatalogStore admin = open(SciCatBackend.ADMIN, SciCatBackend.password(SciCatBackend.ADMIN), false)) {
            assertEquals(3, admin.countDatasets());
        }
        CatalogException e = assertThrows(CatalogException.class,
                () -> open(SciCatBackend.ADMIN, SciCatBackend.password(SciCatBackend.ADMIN), true).close());
        assertTrue(e.getMessage().contains("wrong user name or password"), "admin is not in the directory");
    }

    @Test
    void theCommandLineLogsInThroughLdapWithThePasswordFromTheEnvironment() throws Exception {
        BackendSettings settings = Args.parse(List.of("--scicat", scicat.url(), "--scicat-user", CAROL),
                Args.SCICAT_OPTIONS, java.util.Set.of()).backend(Map.of(Args.SCICAT_PASSWORD_ENV, CAROL_PASSWORD));
        try (CatalogStore carol = stores.open(settings)) {
            assertEquals(2, carol.countDatasets());
            assertTrue(!carol.describe().contains(CAROL_PASSWORD), carol.describe());
        }
    }

    private static CatalogStore open(String user, String password, boolean ldapOnly) throws CatalogException {
        return stores.open(new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(5))
                .withSciCat(SciCatLogin.of(scicat.url(), user, password, null, ldapOnly)));
    }

    private static CatalogEntry entry(String pid, String group, boolean published, int minute) {
        Dataset d = Dataset.builder().pid(pid).owner("Carol").contactEmail("carol@scizoo.test")
                .sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(60L * minute))
                .datasetName("scan " + pid).ownerGroup(group).proposalIds(List.of(group)).isPublished(published)
                .build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, 1, null, group, List.of(),
                List.of(new DataFile("scan.h5", 1, d.creationTime(), null)))));
    }
}
