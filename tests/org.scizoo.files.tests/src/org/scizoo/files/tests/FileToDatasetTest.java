package org.scizoo.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Proposal;
import org.scizoo.files.FilesSourceFactory;
import org.scizoo.files.FolderWatcher;
import org.scizoo.files.HarvestedFile;
import org.scizoo.files.IngestedFiles;
import org.scizoo.files.formats.SesTextExtractor;
import org.scizoo.ingest.DatasetFactory;
import org.scizoo.proposals.FileProposalSource;
import org.scizoo.tests.support.SharedData;

/**
 * A real SES export through the watcher into the SciCat documents the pipeline stores: the header in
 * scientificMetadata, the file in the datablock with its size and SHA-256, the proposal's PI and groups on
 * the dataset, and the same pid when the same file is seen again.
 */
class FileToDatasetTest {

    @Test
    void aSesFileBecomesASciCatDatasetWithItsProposal(@TempDir Path dir) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched/run1"));
        Path file = Files.copy(SharedData.file("scienta/Ag_0001.txt"), watched.resolve("Ag_0001.txt"));
        Files.setLastModifiedTime(file,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        List<HarvestedFile> harvested = new ArrayList<>();
        try (IngestedFiles done = new IngestedFiles(dir.resolve("journal.tsv"));
                FolderWatcher watcher = new FolderWatcher(dir.resolve("watched"), List.of(), Duration.ofSeconds(1),
                        Duration.ofMillis(100), done, () -> List.of(new SesTextExtractor()), harvested::add, (f, m) -> {
                        })) {
            watcher.walkOnce();
        }
        assertEquals(1, harvested.size());
        Path proposals = Files.writeString(dir.resolve("proposals.json"),
                "{\"proposals\": [" + UserOfficeTest.PROPOSAL.replace("20250042", "20260777") + "]}");
        Proposal proposal = new FileProposalSource(proposals).find("20260777").orElseThrow();
        DatasetFactory factory = new DatasetFactory("20.500.99");
        var scan = FilesSourceFactory.scan(harvested.getFirst(), dir.resolve("watched"), "xps1", "20260777");
        CatalogEntry entry = factory.create(scan, Optional.of(proposal), Instant.now());
        Dataset d = entry.dataset();
        assertEquals("Scienta SES text", d.dataFormat());
        assertEquals(List.of("20260777"), d.proposalIds());
        assertEquals(List.of("ada@example.org"), d.principalInvestigators());
        assertEquals("p20260777", d.ownerGroup());
        assertEquals(List.of("xps1", "xps-users", "grace@example.org"), d.accessGroups());
        assertEquals(50L, d.metadata("pass_energy").value());
        assertEquals("eV", d.metadata("pass_energy").unit());
        assertEquals(List.of("Ag3d"), d.metadata("regions").value());
        DataFile data = entry.datablocks().getFirst().dataFileList().getFirst();
        assertEquals("Ag_0001.txt", data.path());
        assertEquals(Files.size(file), data.size());
        assertTrue(data.chk().matches("[0-9a-f]{64}"), data.chk());
        assertEquals("sha256", entry.datablocks().getFirst().chkAlg());
        // the same file seen again (a lost journal, another ingestor) makes the same dataset, not a second one
        var again = FilesSourceFactory.scan(harvested.getFirst(), dir.resolve("watched"), "xps1", "20260777");
        assertEquals(d.pid(), factory.create(again, Optional.of(proposal), Instant.now()).dataset().pid());
    }
}
