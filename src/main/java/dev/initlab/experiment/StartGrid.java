package dev.initlab.experiment;

/**
 * A square grid of starting points (w0, b0): {@code resolution} values of w0 across {@code w0} times
 * {@code resolution} values of b0 across {@code b0}. Point k is (w0 index k / resolution, b0 index k % resolution).
 *
 * @param w0         range of the initial weight
 * @param b0         range of the initial bias
 * @param resolution points per axis, ends included, 2..{@value #MAX_RESOLUTION}
 */
public record StartGrid(Range w0, Range b0, int resolution) {

    /** Largest accepted resolution (about a million starts). */
    public static final int MAX_RESOLUTION = 1001;

    /** Validates the resolution. */
    public StartGrid {
        if (w0 == null || b0 == null) {
            throw new IllegalArgumentException("both ranges are required");
        }
        if (resolution < 2 || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("--resolution must be between 2 and " + MAX_RESOLUTION + ", got "
                    + resolution);
        }
    }

    /** Number of starts. */
    public int size() {
        return resolution * resolution;
    }

    /** Every start's w0, in grid order. */
    public double[] w0Values() {
        double[] values = new double[size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = w0.at(k / resolution, resolution);
        }
        return values;
    }

    /** Every start's b0, in grid order. */
    public double[] b0Values() {
        double[] values = new double[size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = b0.at(k % resolution, resolution);
        }
        return values;
    }
}
