package dev.initlab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * How the network's initial weight is chosen: {@code fixed} (the caller's w0 and b0, written into the
 * parameters after {@code init()}), or a DL4J {@link WeightInit} drawn with the run's seed (bias 0).
 *
 * <p>Useful names: {@code xavier} (Glorot normal), {@code xavier_uniform}, {@code relu} (He normal),
 * {@code uniform} (U(±1/√fanIn), PyTorch's {@code nn.Linear} weight default), {@code lecun_normal}.
 */
public record InitScheme(String id, Optional<WeightInit> weightInit) {

    /** The id of the fixed start. */
    public static final String FIXED_ID = "fixed";
    /** The fixed start. */
    public static final InitScheme FIXED = new InitScheme(FIXED_ID, Optional.empty());

    /** WeightInit values that need extra configuration or do not apply to a 1 x 1 dense layer. */
    private static final Set<WeightInit> UNSUPPORTED = Set.of(WeightInit.DISTRIBUTION, WeightInit.IDENTITY);

    /** True for the fixed (w0, b0) start. */
    public boolean isFixed() {
        return weightInit.isEmpty();
    }

    /** Parses "fixed" or a WeightInit name in any case ("xavier", "RELU", "lecun_normal"). */
    public static InitScheme parse(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        if (id.equals(FIXED_ID)) {
            return FIXED;
        }
        for (WeightInit w : WeightInit.values()) {
            if (!UNSUPPORTED.contains(w) && w.name().equalsIgnoreCase(id)) {
                return new InitScheme(id, Optional.of(w));
            }
        }
        throw new IllegalArgumentException("unknown init '" + text + "' (expected fixed or one of "
                + Arrays.stream(WeightInit.values()).filter(w -> !UNSUPPORTED.contains(w))
                        .map(w -> w.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ")");
    }
}
