package org.scizoo.ui.app;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

/**
 * Eclipse secure storage's master password, asked of the user once per session (secure storage keeps it
 * until the workbench closes): the passwords of the shared backend are encrypted with it on disk. Contributed
 * to {@code org.eclipse.equinox.security.secureStorage}; it is the only provider the product ships, so
 * secure storage works the same on every Linux desktop, keyring or not.
 */
public class MasterPasswordProvider extends PasswordProvider {

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
        Display display = Display.getDefault();
        char[][] answer = new char[1][];
        display.syncExec(() -> {
            String message = create
                    ? "Choose a master password. It encrypts the backend passwords this workbench keeps;"
                            + " you will be asked for it once per session."
                    : "The master password of this workbench's secure storage (it unlocks the backend passwords):";
            InputDialog dialog = new InputDialog(display.getActiveShell(), "SciZoo: master password", message, "",
                    v -> v.isEmpty() ? "A master password cannot be empty" : null) {
                @Override
                protected int getInputTextStyle() {
                    return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
                }
            };
            if (dialog.open() == Window.OK) {
                answer[0] = dialog.getValue().toCharArray();
            }
        });
        return answer[0] == null ? null : new PBEKeySpec(answer[0]);
    }
}
