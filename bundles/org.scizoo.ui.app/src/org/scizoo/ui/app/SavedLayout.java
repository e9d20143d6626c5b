package org.scizoo.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps the window layout a user saved only while the workbench model it was made from is unchanged.
 *
 * <p>e4 saves the whole application model (menus, parts, their places) as {@code workbench.xmi} and, at
 * the next start, uses that instead of {@code Application.e4xmi}. So whatever a new version adds to the
 * application model (a menu, a part, a command) never reaches a user who has a saved layout. Next to the
 * saved model we keep the digest of the model it grew from ({@code workbench.xmi.model}); when the
 * shipped model's digest differs, or a layout was saved before there were digests, the saved layout is
 * moved aside (never deleted) and the workbench starts from the shipped model.
 *
 * <p>No display needed: {@link WorkbenchLifeCycle} calls it before e4 loads the model.
 */
public final class SavedLayout {

    /** The file's name next to the saved model; it holds the digest of the model the layout grew from. */
    static final String DIGEST_SUFFIX = ".model";
    /** The suffix of a layout moved aside. */
    public static final String SET_ASIDE_SUFFIX = ".earlier-version";

    private SavedLayout() {
    }

    /**
     * @param savedModel e4's saved model ({@code .metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi})
     * @param modelDigest the digest of the model this version ships
     * @return where the saved layout was moved, if it was made from another model
     * @throws IOException if the saved layout or its digest cannot be read, moved or written
     */
    public static Optional<Path> keepOnlyIfMadeFrom(Path savedModel, String modelDigest) throws IOException {
        Path digestFile = savedModel.resolveSibling(savedModel.getFileName() + DIGEST_SUFFIX);
        if (modelDigest.equals(readDigest(digestFile))) {
            return Optional.empty();
        }
        Optional<Path> setAside = Optional.empty();
        if (Files.exists(savedModel)) {
            Path aside = savedModel.resolveSibling(savedModel.getFileName() + SET_ASIDE_SUFFIX);
            Files.move(savedModel, aside, StandardCopyOption.REPLACE_EXISTING);
            setAside = Optional.of(aside);
        }
        // Written before e4 saves a layout: the layout saved at the end of this session grows from this model.
        Files.createDirectories(digestFile.getParent());
        Files.writeString(digestFile, modelDigest + "\n", StandardCharsets.UTF_8);
        return setAside;
    }

    private static String readDigest(Path digestFile) throws IOException {
        try {
            return Files.readString(digestFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
