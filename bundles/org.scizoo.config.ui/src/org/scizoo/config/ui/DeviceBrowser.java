package org.scizoo.config.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.DeviceDirectory;

/**
 * The device tree beside the SciDog table, as Jive shows Tango's: domain / family / member → attributes,
 * each level read from the directory when it is opened (in a job). The host is a Tango database
 * ({@code TANGO_HOST}, the default when set) or one a directory knows by itself ({@code sim}, the
 * simulated beamline's devices). Double-click or Enter on an attribute adds it to the configuration.
 */
final class DeviceBrowser {

    private record Node(String kind, String[] path) {
    }

    private static final String PLACEHOLDER = "…";

    /** The installed directories, as they are now (adapters come and go). */
    private final Supplier<DeviceDirectory> directories;
    private final BiConsumer<String, String> addAttribute;
    private final Text host;
    private final Tree tree;

    DeviceBrowser(Composite parent, Supplier<DeviceDirectory> directories, BiConsumer<String, String> addAttribute) {
        this.directories = directories;
        this.addAttribute = addAttribute;
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(3, false));
        new Label(box, SWT.NONE).setText("Devices at");
        host = new Text(box, SWT.BORDER);
        host.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        String env = System.getenv("TANGO_HOST");
        DeviceDirectory directory = directories.get();
        List<String> known = directory == null ? List.of() : directory.hosts();
        host.setText(env != null ? env : known.isEmpty() ? "" : known.get(0));
        host.setMessage("TANGO_HOST (host:port), or sim");
        host.setToolTipText("The Tango database's host:port (TANGO_HOST), or sim for the simulated beamline's devices");
        Button browse = new Button(box, SWT.PUSH);
        browse.setText("Browse");
        tree = new Tree(box, SWT.BORDER | SWT.SINGLE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        browse.addListener(SWT.Selection, e -> reload());
        host.addListener(SWT.DefaultSelection, e -> reload());
        tree.addListener(SWT.Expand, e -> expand((TreeItem) e.item));
        tree.addListener(SWT.DefaultSelection, e -> pick((TreeItem) e.item));
        if (directory == null) {
            hint("No device directory installed (the Tango adapter is missing)");
        } else if (!host.getText().isBlank()) {
            reload();
        } else {
            hint("Give TANGO_HOST and press Browse");
        }
    }

    private void reload() {
        tree.removeAll();
        if (directories.get() == null || host.getText().isBlank()) {
            hint(directories.get() == null ? "No device directory installed (the Tango adapter is missing)"
                    : "Give TANGO_HOST and press Browse");
            return;
        }
        load(null, new Node("root", new String[0]));
    }

    private void expand(TreeItem item) {
        if (item.getItemCount() == 1 && PLACEHOLDER.equals(item.getItem(0).getText())) {
            load(item, (Node) item.getData());
        }
    }

    private void pick(TreeItem item) {
        if (item != null && item.getData() instanceof Node n && n.kind().equals("attribute")) {
            addAttribute.accept(n.path()[0], n.path()[1]);
        }
    }

    /** Reads the children of a node in a job and shows them; a failure shows as the node's only child. */
    private void load(TreeItem parent, Node node) {
        String h = host.getText().strip();
        DeviceDirectory directory = directories.get();
        if (directory == null) {
            hint("No device directory installed (the Tango adapter is missing)");
            return;
        }
        Job.create("Reading devices at " + h, (IProgressMonitor m) -> {
            List<String> names;
            String error = null;
            try {
                names = switch (node.kind()) {
                    case "root" -> directory.domains(h);
                    case "domain" -> directory.families(h, node.path()[0]);
                    case "family" -> directory.members(h, node.path()[0], node.path()[1]);
                    default -> directory.attributes(node.path()[3]);
                };
            } catch (CatalogException e) {
                names = List.of();
                error = e.getMessage();
            }
            List<String> children = names;
            String problem = error;
            tree.getDisplay().asyncExec(() -> show(parent, node, children, problem));
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(TreeItem parent, Node node, List<String> children, String problem) {
        if (tree.isDisposed() || parent != null && parent.isDisposed()) {
            return;
        }
        if (parent != null) {
            parent.removeAll();
        }
        if (problem != null) {
            item(parent, "\u2717 " + problem, null);
            return;
        }
        String h = host.getText().strip();
        DeviceDirectory directory = directories.get();
        for (String name : children) {
            Node child = switch (node.kind()) {
                case "root" -> new Node("domain", new String[] { name });
                case "domain" -> new Node("family", new String[] { node.path()[0], name });
                case "family" -> new Node("member", new String[] { node.path()[0], node.path()[1], name,
                        directory.deviceName(h, node.path()[0], node.path()[1], name) });
                default -> new Node("attribute", new String[] { node.path()[3], name });
            };
            TreeItem item = item(parent, name, child);
            if (!child.kind().equals("attribute")) {
                new TreeItem(item, SWT.NONE).setText(PLACEHOLDER);
            }
        }
        if (parent != null) {
            parent.setExpanded(true);
        }
    }

    private TreeItem item(TreeItem parent, String text, Node data) {
        TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        item.setText(text);
        item.setData(data);
        return item;
    }

    private void hint(String text) {
        tree.removeAll();
        item(null, text, null);
    }
}
