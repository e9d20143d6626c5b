package org.scizoo.hdf5;

/** What a name in an HDF5 group points at, as {@code h5ls} tells them apart. */
public enum H5Kind {
    GROUP("Group"),
    DATASET("Dataset"),
    /** A named (committed) datatype. */
    DATATYPE("Type"),
    SOFT_LINK("Soft Link"),
    EXTERNAL_LINK("External Link");

    private final String label;

    H5Kind(String label) {
        this.label = label;
    }

    /** The word {@code h5ls} prints for it. */
    public String label() {
        return label;
    }

    public boolean isLink() {
        return this == SOFT_LINK || this == EXTERNAL_LINK;
    }
}
