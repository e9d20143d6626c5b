package org.scizoo.hdf5;

/** 256-entry colour maps for the image view, as packed 0xRRGGBB, made by interpolating a few anchors. */
public enum ColorMap {
    /** Perceptually uniform, readable in grey print (anchors from matplotlib's viridis). */
    VIRIDIS(0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725),
    GREY(0x000000, 0xFFFFFF),
    /** Black, red, yellow, white: faint signal stands out. */
    HOT(0x000000, 0xE60000, 0xFFD200, 0xFFFFFF);

    private final int[] table = new int[256];

    ColorMap(int... anchors) {
        for (int i = 0; i < 256; i++) {
            double x = i / 255.0 * (anchors.length - 1);
            int a = Math.min((int) x, anchors.length - 2);
            double f = x - a;
            table[i] = mix(anchors[a], anchors[a + 1], f);
        }
    }

    private static int mix(int from, int to, double f) {
        int r = (int) Math.round(((from >> 16) & 0xFF) * (1 - f) + ((to >> 16) & 0xFF) * f);
        int g = (int) Math.round(((from >> 8) & 0xFF) * (1 - f) + ((to >> 8) & 0xFF) * f);
        int b = (int) Math.round((from & 0xFF) * (1 - f) + (to & 0xFF) * f);
        return r << 16 | g << 8 | b;
    }

    /** The colour of level 0..255. */
    public int rgb(int level) {
        return table[level];
    }
}
