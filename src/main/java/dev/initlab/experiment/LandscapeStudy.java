package dev.initlab.experiment;

import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.train.LossSurface;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss landscape: the full-data loss and gradient norm over a grid of (w, b) for each loss, with SGD
 * trajectories (the fixed start and a few random initialisations) to draw on top. Prints nothing.
 */
public final class LandscapeStudy {

    /**
     * One loss's landscape.
     *
     * @param loss         the loss
     * @param surface      values over the grid, in grid order
     * @param trajectories SGD runs under this loss: the fixed start first, then the random inits
     */
    public record LossLandscape(LossKind loss, LossSurface.Values surface, List<TrainingResult> trajectories) {
    }

    private LandscapeStudy() {
    }

    /** Share of the grid where the gradient norm is below {@code threshold}. */
    public static double flatShare(LossLandscape landscape, double threshold) {
        int n = landscape.surface().loss().length;
        int flat = 0;
        for (int i = 0; i < n; i++) {
            flat += landscape.surface().gradientNorm(i) < threshold ? 1 : 0;
        }
        return (double) flat / n;
    }

    /**
     * Evaluates every loss over the grid and trains the trajectories: {@code base} (its loss replaced) from
     * its fixed start, and {@code randomInit} with seeds 0..randomRuns-1.
     */
    public static List<LossLandscape> run(StartGrid grid, List<LossKind> losses, RunConfig base,
            InitScheme randomInit, int randomRuns) {
        double[] w = grid.w0Values();
        double[] b = grid.b0Values();
        List<LossLandscape> landscapes = new ArrayList<>();
        for (LossKind loss : losses) {
            List<TrainingResult> runs = new ArrayList<>();
            runs.add(Trainer.train(base.withLoss(loss)));
            for (int seed = 0; seed < randomRuns; seed++) {
                runs.add(Trainer.train(new RunConfig(randomInit, 0, 0, loss, base.learningRate(), base.batchSize(),
                        base.epochs(), seed, base.precision())));
            }
            landscapes.add(new LossLandscape(loss, LossSurface.evaluate(loss, base.precision(), w, b), runs));
        }
        return landscapes;
    }
}
