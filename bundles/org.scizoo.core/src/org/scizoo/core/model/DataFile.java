package org.scizoo.core.model;

import java.time.Instant;

/** One entry of an {@link OrigDatablock}'s {@code dataFileList}; {@code chk} may be null. */
public record DataFile(String path, long size, Instant time, String chk) {
}
