package org.scizoo.ui.app;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.scizoo.core.ports.BackendSettings;

/**
 * The shared backend, edited: MongoDB (URI, user, password) and Kafka (bootstrap, topic, SASL user,
 * password, mechanism), or a SciCat to read through (URL, and a user with a password or a token SciCat gave;
 * <em>Log out of SciCat</em>). Addresses and names go to the preferences, passwords to secure storage; an empty
 * password field keeps the stored one. Options given to the launcher (--mongo-uri, --kafka) still win.
 */
public class BackendDialog extends Dialog {

    static final String MONGO_URI = "mongoUri";
    static final String MONGO_USER = "mongoUser";
    static final String MONGO_PASSWORD = "mongoPassword";
    static final String KAFKA = "kafka";
    static final String TOPIC = "topic";
    static final String KAFKA_USER = "kafkaUser";
    static final String KAFKA_PASSWORD = "kafkaPassword";
    static final String SCICAT_URL = "scicatUrl";
    static final String SCICAT_USER = "scicatUser";
    static final String SCICAT_PASSWORD = "scicatPassword";
    static final String SCICAT_TOKEN = "scicatToken";
    private static final int LOG_OUT_ID = IDialogConstants.CLIENT_ID + 1;

    private final BackendPreferences preferences;
    private Text mongoUri;
    private Text mongoUser;
    private Text mongoPassword;
    private Text kafka;
    private Text topic;
    private Text kafkaUser;
    private Text kafkaPassword;
    private Combo mechanism;
    private Text scicatUrl;
    private Text scicatUser;
    private Text scicatPassword;
    private Text scicatToken;

    public BackendDialog(Shell parent, BackendPreferences preferences) {
        super(parent);
        this.preferences = preferences;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("SciZoo: backend");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        BackendPreferences.Stored s = preferences.load();
        note(form, "Empty MongoDB URI: the embedded catalogue in the data folder. Empty Kafka: scans are stored"
                + " directly.\nPasswords are kept encrypted in Eclipse secure storage; leave a password empty to keep"
                + " the stored one.");
        mongoUri = field(form, "MongoDB &URI:", MONGO_URI, s.mongoUri(), SWT.NONE,
                "mongodb://db.example.org:27017/scicat");
        mongoUser = field(form, "MongoDB u&ser:", MONGO_USER, s.mongoUser(), SWT.NONE, "");
        mongoPassword = field(form, "MongoDB pass&word:", MONGO_PASSWORD, null, SWT.PASSWORD,
                preferences.hasStoredPassword(false) ? "(stored)" : "");
        kafka = field(form, "&Kafka bootstrap:", KAFKA, s.kafka(), SWT.NONE, "broker1:9092,broker2:9092");
        topic = field(form, "Kafka &topic:", TOPIC, s.topic(), SWT.NONE, "scizoo.catalog.v1");
        kafkaUser = field(form, "Kafka SASL &user:", KAFKA_USER, s.kafkaUser(), SWT.NONE, "");
        kafkaPassword = field(form, "Kafka SASL p&assword:", KAFKA_PASSWORD, null, SWT.PASSWORD,
                preferences.hasStoredPassword(true) ? "(stored)" : "");
        new Label(form, SWT.NONE).setText("SASL &mechanism:");
        mechanism = new Combo(form, SWT.READ_ONLY);
        mechanism.setItems("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
        mechanism.setText(s.kafkaMechanism() == null ? "PLAIN" : s.kafkaMechanism());
        BackendPreferences.SciCat scicat = preferences.loadSciCat();
        note(form, "\nOr read the catalogue through a facility's SciCat instead of MongoDB: SciCat's access rules"
                + " decide what you see. No user: public data only.");
        scicatUrl = field(form, "S&ciCat URL:", SCICAT_URL, scicat.url(), SWT.NONE, "https://scicat.example.org/api");
        scicatUser = field(form, "SciCat use&r:", SCICAT_USER, scicat.user(), SWT.NONE, "");
        scicatPassword = field(form, "SciCat passw&ord:", SCICAT_PASSWORD, null, SWT.PASSWORD,
                preferences.hasStoredSciCatPassword() ? "(stored)" : "");
        scicatToken = field(form, "Or SciCat to&ken:", SCICAT_TOKEN, null, SWT.PASSWORD,
                preferences.hasStoredSciCatToken() ? "(stored)" : "without a user: the token SciCat's web page gives");
        note(form, "A token is for accounts SciCat logs in elsewhere (OIDC): log in on SciCat's web page, copy the"
                + " token from your user settings there, and paste it here. It is kept in secure storage only.");
        return area;
    }

    private static void note(Composite form, String text) {
        Label l = new Label(form, SWT.WRAP);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.widthHint = 520;
        l.setLayoutData(gd);
    }

    private static Text field(Composite form, String label, String name, String value, int style, String hint) {
        new Label(form, SWT.NONE).setText(label);
        Text t = new Text(form, SWT.BORDER | SWT.SINGLE | style);
        t.setData("name", name);
        t.setText(value == null ? "" : value);
        t.setMessage(hint);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 360;
        t.setLayoutData(gd);
        return t;
    }

    @Override
    protected void okPressed() {
        String uri = mongoUri.getText().strip();
        if (!uri.isEmpty() && !uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            MessageDialog.openError(getShell(), "SciZoo: backend", "The MongoDB URI must start with mongodb:// or"
                    + " mongodb+srv:// (e.g. mongodb://db.example.org:27017/scicat); it holds no password.");
            mongoUri.setFocus();
            return;
        }
        if (uri.matches("mongodb(\\+srv)?://[^/@]*:[^/@]*@.*")) {
            MessageDialog.openError(getShell(), "SciZoo: backend", "Put the MongoDB user and password in their own"
                    + " fields, not in the URI: the URI is kept in a plain file; the password only in secure storage.");
            mongoUri.setFocus();
            return;
        }
        String scicat = scicatUrl.getText().strip();
        if (!scicatToken.getText().isBlank() && !scicatUser.getText().isBlank()) {
            MessageDialog.openError(getShell(), "SciZoo: backend", "Give a SciCat user and password, or a token"
                    + " without a user, not both.");
            scicatToken.setFocus();
            return;
        }
        if (!scicat.isEmpty()) {
            if (!uri.isEmpty()) {
                MessageDialog.openError(getShell(), "SciZoo: backend", "Give a MongoDB URI or a SciCat URL, not"
                        + " both: the catalogue is read from one of them.");
                scicatUrl.setFocus();
                return;
            }
            try {
                org.scizoo.core.ports.SciCatLogin.of(scicat, null, null, null, false);
            } catch (IllegalArgumentException e) {
                MessageDialog.openError(getShell(), "SciZoo: backend", e.getMessage() + ".");
                scicatUrl.setFocus();
                return;
            }
        }
        String topicName = topic.getText().strip();
        String topicProblem = topicName.isEmpty() ? null : BackendSettings.topicNameProblem(topicName);
        if (topicProblem != null) {
            MessageDialog.openError(getShell(), "SciZoo: backend", "The Kafka topic " + topicProblem + ".");
            topic.setFocus();
            return;
        }
        try {
            preferences.save(new BackendPreferences.Stored(uri, mongoUser.getText(), kafka.getText(), topic.getText(),
                    kafkaUser.getText(), mechanism.getText()), emptyToNull(mongoPassword.getText()),
                    emptyToNull(kafkaPassword.getText()));
            preferences.saveSciCat(new BackendPreferences.SciCat(scicat, scicatUser.getText()),
                    emptyToNull(scicatPassword.getText()), emptyToNull(scicatToken.getText()));
            super.okPressed(); // OK only once saved: open() == OK means "reconnect"
        } catch (Exception e) {
            MessageDialog.openError(getShell(), "SciZoo: backend",
                    "The settings could not be saved: " + e.getMessage());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (preferences.loadSciCat().user() != null || preferences.hasStoredSciCatToken()) {
            createButton(parent, LOG_OUT_ID, "&Log out of SciCat", false);
        }
        createButton(parent, IDialogConstants.OK_ID, "&Save and reconnect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Log out: SciCat's user, password and token are forgotten, and the session reconnects as anonymous. */
    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != LOG_OUT_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        try {
            preferences.logOutOfSciCat();
            setReturnCode(OK); // reconnect, now without a login
            close();
        } catch (Exception e) {
            MessageDialog.openError(getShell(), "SciZoo: backend", "Could not log out: " + e.getMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
