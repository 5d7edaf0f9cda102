package dev.initlab.experiment;

import dev.initlab.model.LossKind;
import dev.initlab.train.ManyModelTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The basin-of-attraction map: trains the tutorial's model from every start of a {@link StartGrid} under
 * each loss with the {@link ManyModelTrainer}, and keeps where each start ended. Prints nothing.
 */
public final class BasinStudy {

    /** Final accuracy from which a start counts as one that learns. */
    public static final double LEARNED = 0.95;

    /**
     * One loss's map.
     *
     * @param loss    the loss
     * @param outcome final w, b, accuracy and loss per start, in grid order
     */
    public record LossMap(LossKind loss, ManyModelTrainer.Outcome outcome) {

        /** Share of starts whose final accuracy is at least {@link #LEARNED}. */
        public double learnedShare() {
            double[] accuracy = outcome.accuracy();
            long learned = java.util.Arrays.stream(accuracy).filter(a -> a >= LEARNED).count();
            return (double) learned / accuracy.length;
        }
    }

    private BasinStudy() {
    }

    /** Total model-steps of the study, for progress reporting. */
    public static long modelSteps(StartGrid grid, List<LossKind> losses, ManyModelTrainer.Settings settings) {
        return (long) grid.size() * settings.steps() * losses.size();
    }

    /**
     * Trains every start under every loss ({@code settings.loss()} is replaced by each of {@code losses}).
     * {@code progress} receives finished model-steps.
     */
    public static List<LossMap> run(StartGrid grid, List<LossKind> losses, ManyModelTrainer.Settings settings,
            LongConsumer progress) {
        double[] w0 = grid.w0Values();
        double[] b0 = grid.b0Values();
        List<LossMap> maps = new ArrayList<>();
        for (LossKind loss : losses) {
            ManyModelTrainer.Settings perLoss = new ManyModelTrainer.Settings(loss, settings.learningRate(),
                    settings.batchSize(), settings.epochs(), settings.precision());
            maps.add(new LossMap(loss, new ManyModelTrainer(perLoss).train(w0, b0, false, progress)));
        }
        return maps;
    }
}
