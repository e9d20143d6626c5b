package org.scizoo.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps the window layout a user saved while the workbench model it was made from still holds, and while
 * what was added to the model since reaches the layout by itself.
 *
 * <p>e4 saves the whole application model (menus, parts, their places) as {@code workbench.xmi} and, at
 * the next start, uses that instead of {@code Application.e4xmi}. So whatever a new version adds to
 * {@code Application.e4xmi} (a menu, a part, a command) never reaches a user who has a saved layout. Model
 * fragments are different: one applied "always" (or "notexists") is merged into a saved model at every
 * start, so a beamline's own plug-in installed later shows its views in the layout the users made.
 *
 * <p>Next to the saved model we keep what it grew from ({@code workbench.xmi.model}): a line for each
 * {@link ModelSource}, its SHA-256 and name. The layout is kept when every one of them is still there,
 * unchanged, and every source added since is merged by e4. Otherwise (a new {@code Application.e4xmi}, a
 * fragment changed or removed, one applied only to a new model, or a layout saved before there were such
 * lines) the saved layout is moved aside (never deleted) and the workbench starts from the shipped model.
 *
 * <p>No display needed: {@link WorkbenchLifeCycle} calls it before e4 loads the model.
 */
public final class SavedLayout {

    /** The file's name next to the saved model; it holds the sources of the model the layout grew from. */
    static final String DIGEST_SUFFIX = ".model";
    /** The suffix of a layout moved aside. */
    public static final String SET_ASIDE_SUFFIX = ".earlier-version";
    private static final String SEPARATOR = "  ";

    /**
     * One file of the application model.
     *
     * @param name {@code Application.e4xmi} or a fragment, named by its bundle, path and how it is applied
     * @param sha256 its content's digest (of its name alone when its content cannot be read)
     * @param mergedIntoSavedLayouts whether e4 merges it into a saved model at each start: a fragment
     *        applied "always" or "notexists", not "initial" and not {@code Application.e4xmi}
     */
    public record ModelSource(String name, String sha256, boolean mergedIntoSavedLayouts) {
    }

    private SavedLayout() {
    }

    /**
     * @param savedModel e4's saved model ({@code .metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi})
     * @param model the sources of the model this installation ships
     * @return where the saved layout was moved, if it cannot show this model
     * @throws IOException if the saved layout or its sources cannot be read, moved or written
     */
    public static Optional<Path> keepOnlyIfMadeFrom(Path savedModel, List<ModelSource> model) throws IOException {
        Path digestFile = savedModel.resolveSibling(savedModel.getFileName() + DIGEST_SUFFIX);
        Map<String, String> now = new TreeMap<>();
        model.forEach(s -> now.put(s.name(), s.sha256()));
        Optional<Map<String, String>> grewFrom = read(digestFile);
        if (grewFrom.isPresent() && grewFrom.get().equals(now)) {
            return Optional.empty();
        }
        Optional<Path> setAside = Optional.empty();
        if (Files.exists(savedModel) && !onlyMergedAdditions(grewFrom, model)) {
            Path aside = savedModel.resolveSibling(savedModel.getFileName() + SET_ASIDE_SUFFIX);
            Files.move(savedModel, aside, StandardCopyOption.REPLACE_EXISTING);
            setAside = Optional.of(aside);
        }
        // Written before e4 saves a layout: the layout saved at the end of this session grows from this model.
        Files.createDirectories(digestFile.getParent());
        Files.writeString(digestFile, now.entrySet().stream().map(e -> e.getValue() + SEPARATOR + e.getKey() + "\n")
                .collect(Collectors.joining()), StandardCharsets.UTF_8);
        return setAside;
    }

    /** The file that asks for a reset at the next start (Window > Reset layout), next to the saved model. */
    static final String RESET_SUFFIX = ".reset";

    /**
     * Window > Reset layout: the layout that e4 saves when this session closes is set aside at the next start.
     *
     * @throws IOException if the request cannot be written
     */
    public static void resetAtNextStart(Path savedModel) throws IOException {
        Files.createDirectories(savedModel.getParent());
        Files.writeString(savedModel.resolveSibling(savedModel.getFileName() + RESET_SUFFIX), "asked\n");
    }

    /**
     * Sets the saved layout aside if a reset was asked for; then the request is gone.
     *
     * @return where the layout was moved, if it was
     * @throws IOException if it cannot be moved
     */
    public static Optional<Path> resetIfAsked(Path savedModel) throws IOException {
        Path request = savedModel.resolveSibling(savedModel.getFileName() + RESET_SUFFIX);
        if (!Files.exists(request)) {
            return Optional.empty();
        }
        Optional<Path> setAside = Optional.empty();
        if (Files.exists(savedModel)) {
            Path aside = savedModel.resolveSibling(savedModel.getFileName() + SET_ASIDE_SUFFIX);
            Files.move(savedModel, aside, StandardCopyOption.REPLACE_EXISTING);
            setAside = Optional.of(aside);
        }
        Files.delete(request);
        return setAside;
    }

    /** Every source the layout grew from is there unchanged, and e4 merges each one added since. */
    private static boolean onlyMergedAdditions(Optional<Map<String, String>> grewFrom, List<ModelSource> model) {
        if (grewFrom.isEmpty()) {
            return false;
        }
        Map<String, String> before = new TreeMap<>(grewFrom.get());
        for (ModelSource s : model) {
            String then = before.remove(s.name());
            if (then == null ? !s.mergedIntoSavedLayouts() : !then.equals(s.sha256())) {
                return false;
            }
        }
        return before.isEmpty(); // else a source was removed: its parts may still be in the layout
    }

    /** The sources the saved layout grew from; empty when there is no such file or it is of another form. */
    private static Optional<Map<String, String>> read(Path digestFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(digestFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, String> sources = new TreeMap<>();
        for (String line : lines) {
            int at = line.indexOf(SEPARATOR);
            if (at <= 0) {
                return Optional.empty(); // one digest of the whole model, as written before 2026-12-02
            }
            sources.put(line.substring(at + SEPARATOR.length()), line.substring(0, at));
        }
        return sources.isEmpty() ? Optional.empty() : Optional.of(sources);
    }
}
