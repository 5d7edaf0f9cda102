package dev.initlab.experiment;

/**
 * A closed interval [min, max] of finite numbers sampled at {@code n} evenly spaced points, ends included.
 *
 * @param min lower end
 * @param max upper end, greater than min
 */
public record Range(double min, double max) {

    /** Validates the ends. */
    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("a range needs finite MIN < MAX, got " + min + ":" + max);
        }
    }

    /** Parses {@code MIN:MAX}, e.g. {@code -20:20}. */
    public static Range parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a range is written MIN:MAX, got '" + text + "'");
        }
        try {
            return new Range(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a range is written MIN:MAX with numbers, got '" + text + "'");
        }
    }

    /** Point i of n (i = 0 is min, i = n - 1 is max). */
    public double at(int i, int n) {
        return i == n - 1 ? max : min + (max - min) * i / (n - 1);
    }

    /** Whether the value lies inside. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return min + ":" + max;
    }
}
