package org.scizoo.ui.tests.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.catalogue.ui.CataloguePart;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.SearchHit;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.ui.app.WorkbenchPreferences;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.Screenshots;
import org.scizoo.ui.tests.TestWorkbench;

/**
 * The Catalogue in the real workbench on the simulated beamline: words ranked with the best scoring 1, a
 * unit-aware condition, a condition in a unit that does not convert said in red with the last hits kept,
 * a scan recorded after the index was built found at once (the index follows the session live), and a
 * hit's page with its details, scientific metadata with units and data file; *Show in Scanlog* selects
 * it there, and the Scanlog's *Show in catalogue* shows another scan's page. Condition rows search as typed
 * conditions do, and a row that is not a condition is refused naming it; the page's Lifecycle tab shows the
 * archive's state, and its link goes to the SciCat web frontend once the preferences name one.
 */
class CatalogueSearchTest {

    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path data;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String waitingFor = "the Scanlog's first scans";
    private String newest;
    private String recorded;
    private String picked;

    @AfterEach
    void noFrontendLeftForOtherTests() throws Exception {
        WorkbenchPreferences.setSciCatWeb("");
    }

    @Test
    void searchRankFilterFollowLiveAndOpenAPage() {
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM_INTERVAL,
                "300ms");
        boolean done = TestWorkbench.run(settings, TIMEOUT_MS, this::step);
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("ranked", "units", "facets", "rows", "refused", "live", "page", "lifecycle", "in scanlog",
                "in catalogue", "web link"),
                seen);
    }

    private boolean step(MApplication model) {
        EModelService models = model.getContext().get(EModelService.class);
        MPart scanlogPart = (MPart) models.find("org.scizoo.scanlog.ui.part.scanlog", model);
        if (scanlogPart == null || !(scanlogPart.getObject() instanceof ScanlogPart scanlog)) {
            return false;
        }
        EPartService parts = model.getChildren().get(0).getContext().get(EPartService.class);
        switch (stage) {
            case 0 -> {
                if (scanlog.rowCount() >= 3) {
                    catalogue(parts).type("scan", "");
                    catalogue(parts).search();
                    stage++;
                    waitingFor = "hits for 'scan'";
                }
            }
            case 1 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "hits for 'scan'; the summary says: " + c.summary();
                if (!c.hits().isEmpty() && c.summary().contains("datasets found")) {
                    assertEquals(1.0, c.hits().get(0).score(), 1e-9, "the best scores 1");
                    assertTrue(c.hits().stream().allMatch(h -> h.score() > 0 && h.score() <= 1), c.hits().toString());
                    seen.add("ranked");
                    c.type("", "T01 > 0 K");
                    c.search();
                    stage++;
                }
            }
            case 2 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "hits for T01 > 0 K; the summary says: " + c.summary();
                if (c.summary().contains("datasets found") && !c.hits().isEmpty()
                        && c.hits().stream().allMatch(h -> h.score() == 1.0)) {
                    seen.add("units");
                    assertTrue(c.suggestions("T0").contains("1 "), "the key T01 suggested: " + c.suggestions("T0"));
                    assertEquals(List.of("K"), c.suggestions("T01 > 300 "), "T01's unit suggested");
                    List<String> lines = c.facetLines();
                    String proposal = lines.stream().filter(l -> l.startsWith("proposal=")).findFirst()
                            .orElseThrow(() -> new AssertionError("no proposal facet: " + lines));
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith("time=")), lines.toString());
                    picked = proposal.substring("proposal=".length());
                    c.pickFacet(new FacetFilter(FacetDim.PROPOSAL, picked.substring(0, picked.lastIndexOf(" ("))),
                            true);
                    stage = 20;
                }
            }
            case 20 -> { // a proposal picked: its datasets only, as many as its count said
                CataloguePart c = catalogue(parts);
                waitingFor = "the picked proposal " + picked + " checked; facets: " + c.facetLines() + "; summary: "
                        + c.summary();
                String name = picked.substring(0, picked.lastIndexOf(" ("));
                String line = c.facetLines().stream().filter(l -> l.startsWith("*proposal=" + name + " ("))
                        .findFirst().orElse(null);
                if (c.summary().contains("datasets found") && line != null) {
                    // counted in the same search as the hits (scans keep coming: the count may have grown)
                    String count = line.substring(line.lastIndexOf('(') + 1, line.length() - 1);
                    assertTrue(c.summary().contains(" of " + count + " datasets found"), c.summary() + " " + line);
                    assertTrue(c.facetLines().stream().filter(l -> l.startsWith("proposal=")).findAny().isEmpty(),
                            "only the picked proposal's datasets: " + c.facetLines());
                    // the simulated beamline has one proposal: a value no scan has shows that filters reach the engine
                    c.pickFacet(new FacetFilter(FacetDim.TYPE, "derived"), true);
                    stage = 21;
                }
            }
            case 21 -> { // and a type none of them has: none, the picked values still listed
                CataloguePart c = catalogue(parts);
                waitingFor = "no datasets of type derived; facets: " + c.facetLines() + "; summary: " + c.summary();
                if (c.summary().startsWith("0 of 0 datasets found") && c.facetLines().contains("*type=derived (0)")) {
                    seen.add("facets");
                    String name = picked.substring(0, picked.lastIndexOf(" ("));
                    c.pickFacet(new FacetFilter(FacetDim.TYPE, "derived"), false);
                    c.pickFacet(new FacetFilter(FacetDim.PROPOSAL, name), false);
                    stage = 22;
                }
            }
            case 22 -> { // both unpicked: every scan again
                CataloguePart c = catalogue(parts);
                waitingFor = "the hits back without facets; facets: " + c.facetLines() + "; summary: " + c.summary();
                if (c.summary().contains("datasets found") && !c.hits().isEmpty()
                        && c.facetLines().stream().noneMatch(l -> l.startsWith("*"))) {
                    c.type("", "");
                    c.addConditionRow("T01", ">", "1000000", "K"); // a row no scan meets: it reaches the engine
                    c.search();
                    stage = 23;
                }
            }
            case 23 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "none above a million kelvin from a condition row; summary: " + c.summary();
                if (c.summary().startsWith("0 of 0 datasets found")) {
                    c.clearConditionRows();
                    c.addConditionRow("T01", "..", "-300..1000", "degC"); // a range, in another unit
                    c.search();
                    stage = 24;
                }
            }
            case 24 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "hits for the row T01 -300..1000 degC; summary: " + c.summary();
                if (c.summary().contains("datasets found") && !c.hits().isEmpty()) {
                    Screenshots.save(scanlog.table().getShell(), "catalogue-conditions.png");
                    c.clearConditionRows();
                    c.addConditionRow("numberOfFiles", ">", "1000", ""); // a dataset field: none has so many
                    c.search();
                    stage = 26;
                }
            }
            case 26 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "none with more than 1000 files; summary: " + c.summary();
                if (c.summary().startsWith("0 of 0 datasets found")) {
                    c.clearConditionRows();
                    c.addConditionRow("creationTime", ">=", "2000-01-01", ""); // a day, for a time field
                    c.search();
                    stage = 27;
                }
            }
            case 27 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "hits created since 2000; summary: " + c.summary();
                if (c.summary().contains("datasets found") && !c.hits().isEmpty()) {
                    c.clearConditionRows();
                    c.addConditionRow("T01", ">", "warm", "K");
                    c.search();
                    stage = 25;
                }
            }
            case 25 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "the row 'T01 > warm K' refused; summary: " + c.summary();
                if (c.summary().startsWith("Condition row 1 (T01 > warm K): ")) {
                    assertTrue(!c.hits().isEmpty(), "the last hits stay");
                    seen.add("rows");
                    c.clearConditionRows();
                    c.type("", "T01 > 3 furlong");
                    c.search();
                    stage = 3;
                }
            }
            case 3 -> {
                CataloguePart c = catalogue(parts);
                waitingFor = "the furlong refused; the summary says: " + c.summary();
                if (c.summary().contains("furlong")) {
                    assertTrue(c.summary().contains("not one SciCat converts"), c.summary());
                    assertTrue(!c.hits().isEmpty(), "the last hits stay");
                    seen.add("refused");
                    newest = scanlog.cell(0, "pid");
                    stage++;
                }
            }
            case 4 -> { // a scan recorded after the index was built: searched for as soon as the Scanlog shows it
                waitingFor = "a new scan in the Scanlog after " + newest;
                if (scanlog.rowCount() > 0 && !scanlog.cell(0, "pid").equals(newest)) {
                    recorded = scanlog.cell(0, "pid");
                    catalogue(parts).type("", "");
                    catalogue(parts).search();
                    stage++;
                }
            }
            case 5 -> {
                CataloguePart c = catalogue(parts);
                List<String> pids = c.hits().stream().map(SearchHit::pid).toList();
                waitingFor = recorded + " among the newest hits " + pids.subList(0, Math.min(3, pids.size()))
                        + "; the summary says: " + c.summary();
                if (c.summary().contains("datasets found") && pids.contains(recorded)) {
                    seen.add("live");
                    stage++;
                }
            }
            case 6 -> {
                CataloguePart c = catalogue(parts);
                String first = c.hits().get(0).pid();
                List<String> lines = c.pageLines();
                waitingFor = "the page of " + first + ": " + lines;
                if (lines.contains("PID=" + first)) {
                    assertTrue(lines.stream().anyMatch(l -> l.matches("T01=[-0-9.]+ \\S+")),
                            "T01 with its unit: " + lines);
                    assertTrue(lines.stream().anyMatch(l -> l.matches("/data/visitors/.*/scan_\\d{5,}\\.h5")),
                            "the data file's path: " + lines);
                    seen.add("page");
                    assertTrue(c.lifecycleLines().contains("Archive state=dataset created"), c.lifecycleLines()
                            .toString());
                    assertTrue(c.lifecycleLines().contains("On the central disk=yes"), c.lifecycleLines().toString());
                    assertEquals(null, c.webPage(), "no SciCat web frontend set: no link");
                    seen.add("lifecycle");
                    try {
                        WorkbenchPreferences.setSciCatWeb("https://scicat.example.org/");
                    } catch (org.osgi.service.prefs.BackingStoreException e) {
                        throw new AssertionError(e);
                    }
                    Screenshots.save(scanlog.table().getShell(), "catalogue.png");
                    recorded = first;
                    c.showInScanlog();
                    stage++;
                }
            }
            case 7 -> { // Show in Scanlog: the Scanlog has that scan selected
                waitingFor = recorded + " selected in the Scanlog; selected: " + scanlog.selectedPids();
                if (scanlog.selectedPids().equals(List.of(recorded))) {
                    seen.add("in scanlog");
                    recorded = scanlog.cell(1, "pid");
                    assertTrue(scanlog.reveal(recorded));
                    MenuItem show = Stream.of(scanlog.table().getMenu().getItems())
                            .filter(i -> i.getText().equals("Show in catalogue")).findFirst().orElseThrow();
                    show.notifyListeners(SWT.Selection, new Event());
                    stage++;
                }
            }
            case 8 -> { // Show in catalogue, from the Scanlog's menu: that scan's page
                CataloguePart c = catalogue(parts);
                waitingFor = "the Catalogue's page of " + recorded + ": " + c.shownPid();
                if (c.pageLines().contains("PID=" + recorded)) {
                    seen.add("in catalogue");
                    assertEquals("https://scicat.example.org/datasets/" + recorded.replace("/", "%2F"),
                            String.valueOf(c.webPage()), "the link to the dataset's page on the frontend set now");
                    seen.add("web link");
                    return true;
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    private static CataloguePart catalogue(EPartService parts) {
        MPart part = parts.showPart("org.scizoo.catalogue.ui.part.catalogue", EPartService.PartState.VISIBLE);
        return (CataloguePart) part.getObject();
    }
}
