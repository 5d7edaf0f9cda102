package dev.initlab.experiment;

import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison grid: every initialisation crossed with every loss, random initialisations repeated over
 * {@code seeds} consecutive seeds from {@code firstSeed}; the fixed start runs once per loss. All runs share
 * the SGD settings of {@code base} (its init and loss are replaced).
 *
 * @param inits     initialisations, e.g. fixed, xavier, relu, uniform
 * @param losses    losses, e.g. mse, xent, bce
 * @param seeds     number of seeds per random initialisation, 1..1000
 * @param firstSeed the first seed
 * @param base      learning rate, batch size, epochs, dtype and the fixed start's (w0, b0)
 */
public record GridSpec(List<InitScheme> inits, List<LossKind> losses, int seeds, long firstSeed, RunConfig base) {

    /** Largest accepted number of seeds. */
    public static final int MAX_SEEDS = 1000;

    /** Validates the lists and the seed count. */
    public GridSpec {
        inits = List.copyOf(inits);
        losses = List.copyOf(losses);
        if (inits.isEmpty() || losses.isEmpty()) {
            throw new IllegalArgumentException("the grid needs at least one init and one loss");
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be between 1 and " + MAX_SEEDS + ", got " + seeds);
        }
        if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - MAX_SEEDS - 1) {
            throw new IllegalArgumentException("--first-seed must be between 0 and " + (Long.MAX_VALUE - MAX_SEEDS - 1)
                    + ", got " + firstSeed);
        }
    }

    /** The default grid: {fixed(-5,-10), xavier, relu, uniform} x {mse, xent, bce}, 5 seeds, tutorial SGD. */
    public static GridSpec standard() {
        return new GridSpec(List.of(InitScheme.FIXED, InitScheme.parse("xavier"), InitScheme.parse("relu"),
                InitScheme.parse("uniform")), List.of(LossKind.values()), 5, 0L, RunConfig.tutorial(LossKind.MSE));
    }

    /** Every run of the grid, ordered by init, then loss, then seed. */
    public List<RunConfig> runs() {
        List<RunConfig> runs = new ArrayList<>();
        for (InitScheme init : inits) {
            for (LossKind loss : losses) {
                int count = init.isFixed() ? 1 : seeds;
                for (int k = 0; k < count; k++) {
                    long seed = init.isFixed() ? base.seed() : firstSeed + k;
                    runs.add(new RunConfig(init, base.w0(), base.b0(), loss, base.learningRate(),
                            base.batchSize(), base.epochs(), seed, base.precision()));
                }
            }
        }
        return runs;
    }

    /** A file-system-safe name for a run of this grid, e.g. {@code fixed-mse} or {@code xavier-bce-seed3}. */
    public static String runName(RunConfig run) {
        return run.init().isFixed() ? run.init().id() + "-" + run.loss().id()
                : run.init().id() + "-" + run.loss().id() + "-seed" + run.seed();
    }
}
