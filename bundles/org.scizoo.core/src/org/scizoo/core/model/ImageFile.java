package org.scizoo.core.model;

import java.time.Instant;
import java.util.Objects;

/** An image attached to a dataset in the Scanlog (a camera snapshot, a plot): its file and a PNG thumbnail. */
public record ImageFile(String id, String datasetPid, String fileName, String contentType, byte[] data,
        byte[] thumbnailPng, String author, Instant time) {

    public ImageFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datasetPid, "datasetPid");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }
}
