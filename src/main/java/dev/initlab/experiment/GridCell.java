package dev.initlab.experiment;

import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.train.TrainingResult;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * The summary of one (init, loss) cell of the grid over its seeds.
 *
 * @param init               initialisation
 * @param loss               loss
 * @param runs               number of runs (seeds)
 * @param accuracyMean       mean final accuracy
 * @param accuracySd         sample standard deviation of the final accuracy (0 for one run)
 * @param finalLossMean      mean loss of the final models on all 40 points
 * @param perfectRuns        runs that reached accuracy 1.0 at the end of some epoch
 * @param firstPerfectEpoch  mean first epoch (from 1) with accuracy 1.0, over the runs that got there
 * @param finalWMean         mean final w
 * @param finalBMean         mean final b
 * @param divergedRuns       runs with a NaN or infinite value
 */
public record GridCell(InitScheme init, LossKind loss, int runs, double accuracyMean, double accuracySd,
        double finalLossMean, int perfectRuns, OptionalDouble firstPerfectEpoch, double finalWMean,
        double finalBMean, int divergedRuns) {

    /** Summarises the results of one cell (all with the same init and loss). */
    public static GridCell of(List<TrainingResult> results) {
        TrainingResult first = results.get(0);
        int n = results.size();
        double accuracyMean = mean(results, TrainingResult::accuracy);
        double squares = results.stream().mapToDouble(r -> Math.pow(r.accuracy() - accuracyMean, 2)).sum();
        List<OptionalInt> perfect = results.stream().map(TrainingResult::firstPerfectEpoch)
                .filter(OptionalInt::isPresent).toList();
        OptionalDouble firstPerfect = perfect.stream().mapToInt(OptionalInt::getAsInt).average();
        return new GridCell(first.config().init(), first.config().loss(), n, accuracyMean,
                n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0, mean(results, TrainingResult::finalLoss),
                perfect.size(), firstPerfect, mean(results, TrainingResult::finalW),
                mean(results, TrainingResult::finalB), (int) results.stream().filter(TrainingResult::diverged).count());
    }

    private static double mean(List<TrainingResult> results, ToDoubleFunction<TrainingResult> value) {
        return results.stream().mapToDouble(value).average().orElse(Double.NaN);
    }
}
