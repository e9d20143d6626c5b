package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.scicat.SciCatJson;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo catalog list}: the stored datasets, newest first, as text or SciCat JSON;
 * {@code scizoo catalog export --csv FILE}: the Scanlog's CSV export ({@link CatalogExport}).
 */
@Component(service = CliCommand.class)
public class CatalogCommand implements CliCommand {

    private static final int DEFAULT_LIMIT = 50;
    private final CatalogStoreProvider stores;
    private final DatasetSearchProvider search;

    @Activate
    public CatalogCommand(@Reference CatalogStoreProvider stores,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) DatasetSearchProvider search) {
        this.stores = stores;
        this.search = search;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "list, search, export (CSV) or open in Jupyter the datasets in the catalogue (embedded, --mongo-uri or --scicat)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo catalog list [--json] [--limit N] [--all] [--data DIR | --mongo-uri URI]
                       scizoo catalog search [WORDS…] [--where JSON] [--param 'T01 > 300 K']… [--limit N] [--skip N]
                              [--facet FACET=VALUE]… [--facets] [--json]
                       scizoo catalog notebook PID… [--out FILE] [--jupyterhub URL --hub-home DIR]
                       scizoo catalog export --csv FILE|- [--proposal ID] [--from T] [--till T]
                              [--columns A,B,…] [--filter 'COL=EXPR;…'] [--search TEXT] [--sort COL[:desc]]

                list prints the stored datasets, newest first: pid, datasetName, creationTime and the
                scientific metadata. --json prints a JSON array of SciCat v4 dataset documents.
                  --limit N           at most N datasets (default %d); --all for every one
                search finds the datasets that meet every --param (KEY OP NUMBER [UNIT], OP one of = != < <= >
                >= in; or KEY A..B [UNIT]; compared in SI units, so 300 K finds 30 degC), ranked by the WORDS'
                relevance (BM25, the best scoring 1; newest first without words): score, pid and name, or
                --json. --where takes PaNOSC's query language: {"where": {"and": [{"variable": "T01",
                "operator": "gt", "value": 300, "unit": "K"}, …]}, "query": "words", "limit": N}, with and/or
                and the operators eq neq lt lte gt gte between inq, and the dataset's own fields as LoopBack
                writes them: {"size": {"gt": 1000}, "type": "raw", "creationTime": {"gte": "2026-11-01"}}
                (size, numberOfFiles, creationTime, pid, type, datasetName, owner, ownerGroup,
                creationLocation, dataFormat, proposalIds, sampleIds, instrumentIds, keywords, isPublished).
                --facet keeps the datasets with a value
                in a facet (proposal, instrument, technique, type, time as 2025-06; several on one facet: any
                of them); --facets prints each facet's values among the hits with their counts. Its Lucene
                index lives in the data
                folder, built on first use. With --scicat, SciCat's own query searches instead (its
                fullquery: conditions joined by and, = < <= > >= and ranges, ends excluded; newest first,
                unranked), with SciCat's access rules.
                notebook writes a Jupyter notebook (nbformat 4) on the datasets: their pids, metadata and
                files, and code that opens each HDF5/NeXus file with h5py and plots its NeXus default
                (default file ./scizoo-TIME.ipynb). With --jupyterhub URL it is written under --hub-home DIR
                (the folder the hub's user servers see as their root) and the address that opens it there
                (URL/user-redirect/lab/tree/…) is printed; else the local command (jupyter lab FILE).
                export writes the Scanlog's CSV (RFC 4180, UTF-8): the scans of a proposal (default: all)
                created from --from till --till (a day 2026-11-20 or a time 2026-11-20 14:30, local), with
                the Scanlog's columns (default: its default columns; ids as `scan`, `sm.T01`, `comment`),
                column filters as typed in the table (`sm.T01=> 25 degC`, `startTime=2026-11-20`), a free
                --search over the exported columns, newest first or by --sort.
                  --data DIR          the data folder of the embedded catalogue
                                      (default: ~/.local/share/scizoo)
                  --mongo-uri URI     a shared MongoDB instead, e.g. mongodb://host:27017/scicat
                  --connect-timeout T give up on the store after T (default 5s)
                  --scicat URL        read through a SciCat backend (its access rules apply), e.g.
                                      https://scicat.example.org/api; --scicat-user NAME with the
                                      password in $SCIZOO_SCICAT_PASSWORD, or a token in
                                      $SCIZOO_SCICAT_TOKEN, or neither: public datasets only"""
                .formatted(DEFAULT_LIMIT);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList,
                Args.with(Args.with(Args.with(Args.with(Args.with(Args.BACKEND_OPTIONS, Args.SCICAT_OPTIONS), "limit"),
                        CatalogExport.OPTIONS.toArray(String[]::new)), CatalogSearch.OPTIONS),
                        CatalogNotebook.OPTIONS),
                Args.with(CatalogSearch.FLAGS, "json", "all"));
        List<String> known = List.of("list", "search", "export", "notebook");
        String what = args.positional().isEmpty() ? null : args.positional().get(0);
        boolean takesWords = what != null && (what.equals("search") || what.equals("notebook"));
        if (what == null || !known.contains(what) || (!takesWords && args.positional().size() != 1)) {
            throw new UsageException(what == null ? "say what to do: list, search, export or notebook"
                    : "unknown subcommand '" + String.join(" ", args.positional())
                            + "' (known: list, search, export, notebook)");
        }
        if (what.equals("notebook")) {
            try (CatalogStore store = stores.openExisting(args.backend(), err::println)) {
                return CatalogNotebook.run(store, args, out, err);
            } catch (CatalogException | IllegalArgumentException e) {
                err.println("scizoo catalog notebook: " + e.getMessage());
                return FAILED;
            }
        }
        if (what.equals("search")) {
            BackendSettings backend = args.backend();
            try (CatalogStore store = stores.openExisting(backend, err::println)) {
                return CatalogSearch.run(store, search, args, backend, out, err);
            } catch (CatalogException e) {
                err.println("scizoo catalog search: " + e.getMessage());
                return FAILED;
            }
        }
        if (args.positional().get(0).equals("export")) {
            try (CatalogStore store = stores.openExisting(args.backend(), err::println)) {
                return CatalogExport.run(store, args, out, err);
            } catch (CatalogException | java.io.IOException e) {
                err.println("scizoo catalog export: " + e.getMessage());
                return FAILED;
            }
        }
        int limit = args.flag("all") ? 0 : args.intValue("limit", DEFAULT_LIMIT, 1);
        try (CatalogStore store = stores.openExisting(args.backend(), err::println)) {
            List<Dataset> datasets = store.findDatasets(DatasetQuery.newest(limit));
            if (args.flag("json")) {
                out.println(datasets.stream().map(d -> SciCatJson.toJson(d, true))
                        .collect(Collectors.joining(",\n", "[", "]")));
            } else {
                printText(store, datasets, out);
            }
            return OK;
        } catch (CatalogException e) {
            err.println("scizoo catalog: " + e.getMessage());
            return FAILED;
        }
    }

    private static void printText(CatalogStore store, List<Dataset> datasets, PrintStream out)
            throws CatalogException {
        long total = store.countDatasets();
        out.printf("%d of %d datasets in %s%n", datasets.size(), total, store.describe());
        for (Dataset d : datasets) {
            out.println();
            out.println(d.pid());
            out.printf("  datasetName   %s%n", d.datasetName());
            out.printf("  creationTime  %s%n", d.creationTime());
            out.printf("  owner         %s <%s>%n", d.owner(), d.contactEmail());
            out.printf("  sourceFolder  %s%n", d.sourceFolder());
            if (d.description() != null) {
                out.printf("  description   %s%n", d.description());
            }
            out.printf("  scientificMetadata%n");
            for (Map.Entry<String, MetadataValue> e : d.scientificMetadata().entrySet()) {
                out.printf("    %-24s %s%n", MetadataKeys.label(e.getKey()), e.getValue().display());
            }
        }
    }
}
