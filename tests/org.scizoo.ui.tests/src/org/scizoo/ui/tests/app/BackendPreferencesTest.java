package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;
import org.scizoo.core.ports.Credentials;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.ui.app.BackendDialog;
import org.scizoo.ui.app.BackendPreferences;
import org.scizoo.ui.app.WorkbenchSettings;

/**
 * The workbench's shared-backend settings: addresses and users in the preferences, passwords encrypted in
 * Eclipse secure storage and nowhere else; the Backend dialog writes both; launcher options win.
 */
class BackendPreferencesTest {

    private static final String MONGO_PW = "m0ngo-s3cret";
    private static final String KAFKA_PW = "k4fka-s3cret";

    @TempDir
    Path dir;

    private ISecurePreferences secureStorage(String master) throws Exception {
        return SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(), Map.of(
                IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master.toCharArray()), IProviderHints.PROMPT_USER,
                false));
    }

    private static Preferences plainNode() {
        return InstanceScope.INSTANCE.getNode("org.scizoo.test").node("backend" + System.nanoTime());
    }

    @Test
    void passwordsAreEncryptedInSecureStorageAndNowhereElse() throws Exception {
        Preferences plain = plainNode();
        BackendPreferences prefs = new BackendPreferences(plain, secureStorage("master-1"));
        BackendPreferences.Stored stored = new BackendPreferences.Stored("mongodb://db.example.org:27017/scicat",
                "scicat",
                "broker:9092", null, "beamline", "SCRAM-SHA-512");
        prefs.save(stored, MONGO_PW, KAFKA_PW);

        BackendPreferences again = new BackendPreferences(plain, secureStorage("master-1"));
        assertEquals(stored, again.load());
        Credentials c = again.credentials(again.load());
        assertEquals("scicat", c.mongoUser());
        assertEquals(MONGO_PW, c.mongoPassword());
        assertEquals(KAFKA_PW, c.kafkaPassword());
        assertEquals("SCRAM-SHA-512", c.kafkaMechanism());
        assertFalse(c.toString().contains(MONGO_PW) || c.toString().contains(KAFKA_PW), c.toString());

        for (String key : plain.keys()) {
            assertFalse(plain.get(key, "").contains("s3cret"), "a password in the plain preferences: " + key);
        }
        String secureFile = Files.readString(dir.resolve("secure_storage"), StandardCharsets.ISO_8859_1);
        assertFalse(secureFile.contains(MONGO_PW) || secureFile.contains(KAFKA_PW), "secure storage is encrypted");
        for (Path f : filesUnder(Path.of(Platform.getInstanceLocation().getURL().toURI()))) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(MONGO_PW) || text.contains(KAFKA_PW), "a password in plain file " + f);
        }

        // Another master password cannot read them.
        assertThrows(StorageException.class,
                () -> new BackendPreferences(plain, secureStorage("wrong")).credentials(stored));

        // An empty password field keeps the stored one; an empty string removes it.
        again.save(stored, null, "");
        Credentials kept = again.credentials(again.load());
        assertEquals(MONGO_PW, kept.mongoPassword());
        assertNull(kept.kafkaPassword());
    }

    @Test
    void launcherOptionsWinOverSavedSettings() {
        BackendPreferences.Stored stored = new BackendPreferences.Stored("mongodb://saved:27017/scicat", null,
                "saved-broker:9092", "saved.topic", null, null);
        WorkbenchSettings fromPrefs = WorkbenchSettings.resolve(stored, Credentials.NONE);
        assertEquals("mongodb://saved:27017/scicat", fromPrefs.backend().mongoUri());
        assertEquals("saved-broker:9092", fromPrefs.backend().kafkaBootstrap());
        assertEquals("saved.topic", fromPrefs.backend().kafkaTopic());
        assertTrue(fromPrefs.ingest().liveFeed(), "the Scanlog follows every beamline's scans on Kafka");
        System.setProperty(WorkbenchSettings.KAFKA, "cli-broker:9092");
        try {
            assertEquals("cli-broker:9092",
                    WorkbenchSettings.resolve(stored, Credentials.NONE).backend().kafkaBootstrap());
        } finally {
            System.clearProperty(WorkbenchSettings.KAFKA);
        }
    }

    /** --time-zone reaches SciFly's source; a wrong zone or topic is named with its option, not met later. */
    @Test
    void launcherTimeZoneReachesSciFlyAndWrongValuesAreNamed() {
        System.setProperty(WorkbenchSettings.WATCH, "/data/xps");
        System.setProperty(WorkbenchSettings.TIME_ZONE, "Asia/Tokyo");
        try {
            IngestOptions.SourceSpec files = WorkbenchSettings
                    .resolve(BackendPreferences.Stored.EMPTY, Credentials.NONE)
                    .ingest().sources().stream().filter(s -> s.kind().equals("files")).findFirst().orElseThrow();
            assertEquals("Asia/Tokyo", files.options().get("zone"));
            System.setProperty(WorkbenchSettings.TIME_ZONE, "Mars/Olympus");
            IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                    () -> WorkbenchSettings.resolve(BackendPreferences.Stored.EMPTY, Credentials.NONE));
            assertTrue(zone.getMessage().startsWith("--time-zone: 'Mars/Olympus' is not a time zone"),
                    zone.getMessage());
            System.clearProperty(WorkbenchSettings.TIME_ZONE);
            System.setProperty(WorkbenchSettings.KAFKA_TOPIC, "scans of today");
            IllegalArgumentException topic = assertThrows(IllegalArgumentException.class,
                    () -> WorkbenchSettings.resolve(BackendPreferences.Stored.EMPTY, Credentials.NONE));
            assertTrue(topic.getMessage().startsWith("--topic: 'scans of today' is not a Kafka topic name"),
                    topic.getMessage());
        } finally {
            System.clearProperty(WorkbenchSettings.WATCH);
            System.clearProperty(WorkbenchSettings.TIME_ZONE);
            System.clearProperty(WorkbenchSettings.KAFKA_TOPIC);
        }
    }

    @Test
    void theBackendDialogSavesAddressesAndPasswordsApart() throws Exception {
        Preferences plain = plainNode();
        BackendPreferences prefs = new BackendPreferences(plain, secureStorage("master-2"));
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            BackendDialog dialog = openDialog(shell, prefs);
            Shell dialogShell = dialog.getShell();
            text(dialogShell, "mongoUri").setText("mongodb://db.example.org:27017/scicat");
            text(dialogShell, "mongoUser").setText("scicat");
            text(dialogShell, "mongoPassword").setText(MONGO_PW);
            text(dialogShell, "kafka").setText("broker1:9092");
            text(dialogShell, "kafkaUser").setText("beamline");
            text(dialogShell, "kafkaPassword").setText(KAFKA_PW);
            assertEquals(org.eclipse.jface.window.Window.OK, press(dialog, "&Save and reconnect"), "saved and closed");
            BackendPreferences.Stored s = prefs.load();
            assertEquals("mongodb://db.example.org:27017/scicat", s.mongoUri());
            assertEquals("broker1:9092", s.kafka());
            assertEquals("PLAIN", s.kafkaMechanism());
            Credentials c = prefs.credentials(s);
            assertEquals(MONGO_PW, c.mongoPassword());
            assertEquals(KAFKA_PW, c.kafkaPassword());
            for (String key : plain.keys()) {
                assertFalse(plain.get(key, "").contains("s3cret"), key);
            }
        } finally {
            shell.dispose();
        }
    }

    @Test
    void theBackendDialogSavesASciCatLoginAndLogsOut() throws Exception {
        Preferences plain = plainNode();
        BackendPreferences prefs = new BackendPreferences(plain, secureStorage("master-3"));
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            BackendDialog dialog = openDialog(shell, prefs);
            text(dialog.getShell(), "scicatUrl").setText("https://scicat.example.org");
            text(dialog.getShell(), "scicatUser").setText("alice");
            text(dialog.getShell(), "scicatPassword").setText("sc1cat-s3cret");
            assertEquals(org.eclipse.jface.window.Window.OK, press(dialog, "&Save and reconnect"));
            SciCatLogin login = prefs.sciCatLogin();
            assertEquals("https://scicat.example.org/api", login.url().toString());
            assertEquals("alice", login.user());
            assertEquals("sc1cat-s3cret", login.password());
            for (String key : plain.keys()) {
                assertFalse(plain.get(key, "").contains("s3cret"), key);
            }
            WorkbenchSettings settings = WorkbenchSettings.resolve(prefs.load(), Credentials.NONE, login);
            assertTrue(settings.backend().isSciCat(), "the saved SciCat is read through");
            assertEquals("alice", settings.backend().scicat().user());

            assertEquals(org.eclipse.jface.window.Window.OK, press(openDialog(shell, prefs), "&Log out of SciCat"),
                    "log out reconnects");
            SciCatLogin anonymous = prefs.sciCatLogin();
            assertTrue(anonymous.anonymous(), "logged out: " + anonymous);
            assertFalse(prefs.hasStoredSciCatPassword(), "the password is forgotten");
        } finally {
            shell.dispose();
        }
    }

    /** An OIDC account's way in: the token SciCat's web page gave, kept in secure storage only. */
    @Test
    void theBackendDialogKeepsASciCatTokenInSecureStorageOnly() throws Exception {
        Preferences plain = plainNode();
        BackendPreferences prefs = new BackendPreferences(plain, secureStorage("master-4"));
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            BackendDialog dialog = openDialog(shell, prefs);
            text(dialog.getShell(), "scicatUrl").setText("https://scicat.example.org/api");
            text(dialog.getShell(), "scicatToken").setText(" eyJhbGciOiJIUzI1NiJ9.t0ken-s3cret ");
            assertEquals(org.eclipse.jface.window.Window.OK, press(dialog, "&Save and reconnect"));
            SciCatLogin login = prefs.sciCatLogin();
            assertEquals("eyJhbGciOiJIUzI1NiJ9.t0ken-s3cret", login.token());
            assertEquals(null, login.user());
            assertTrue(prefs.hasStoredSciCatToken());
            for (String key : plain.keys()) {
                assertFalse(plain.get(key, "").contains("s3cret"), key);
            }
            assertFalse(login.toString().contains("s3cret"), "not in what is printed: " + login);

            BackendDialog again = openDialog(shell, prefs);
            assertEquals("(stored)", text(again.getShell(), "scicatToken").getMessage(), "said, not shown");
            assertEquals("", text(again.getShell(), "scicatToken").getText());
            again.close();

            assertEquals(org.eclipse.jface.window.Window.OK, press(openDialog(shell, prefs), "&Log out of SciCat"),
                    "log out reconnects");
            assertTrue(prefs.sciCatLogin().anonymous(), "logged out");
            assertFalse(prefs.hasStoredSciCatToken(), "the token is forgotten");
        } finally {
            shell.dispose();
        }
    }

    private static BackendDialog openDialog(Shell shell, BackendPreferences prefs) {
        BackendDialog dialog = new BackendDialog(shell, prefs);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    /** Presses a button of the open dialog and lets it close; its return code. */
    private static int press(BackendDialog dialog, String label) {
        button(dialog.getShell(), label).notifyListeners(SWT.Selection, null);
        while (Display.getCurrent().readAndDispatch()) {
            // let the dialog close
        }
        return dialog.getReturnCode();
    }

    private static Text text(Composite root, String name) {
        for (Control c : all(root)) {
            if (c instanceof Text t && name.equals(t.getData("name"))) {
                return t;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static Button button(Composite root, String label) {
        for (Control c : all(root)) {
            if (c instanceof Button b && label.equals(b.getText())) {
                return b;
            }
        }
        throw new AssertionError("no button " + label);
    }

    private static List<Control> all(Composite root) {
        List<Control> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            out.add(c);
            if (c instanceof Composite k) {
                out.addAll(all(k));
            }
        }
        return out;
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".prefs")).toList();
        }
    }
}
