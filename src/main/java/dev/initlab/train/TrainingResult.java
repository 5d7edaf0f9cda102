package dev.initlab.train;

import dev.initlab.config.RunConfig;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything one training run measured. Lists are immutable; per-iteration lists have one entry per SGD step.
 *
 * @param config                  the run's configuration
 * @param initialW                w before the first step
 * @param initialB                b before the first step
 * @param iterationLoss           minibatch loss of each step, before its update
 * @param iterationW              w after each step
 * @param iterationB              b after each step
 * @param epochMeanLoss           mean minibatch loss of each epoch
 * @param epochAccuracy           accuracy on all 40 points after each epoch
 * @param finalW                  w at the end
 * @param finalB                  b at the end
 * @param accuracy                final accuracy, {@code (p > 0.5) == label} over the 40 points
 * @param finalLoss               the loss of the final model over all 40 points
 * @param evaluation              DL4J's EvaluationBinary figures for the final model
 * @param firstNonFiniteIteration first step (from 0) whose loss or parameters are NaN or infinite
 */
public record TrainingResult(RunConfig config, double initialW, double initialB, List<Double> iterationLoss,
        List<Double> iterationW, List<Double> iterationB, List<Double> epochMeanLoss, List<Double> epochAccuracy,
        double finalW, double finalB, double accuracy, double finalLoss, BinaryEvaluation evaluation,
        OptionalInt firstNonFiniteIteration) {

    /** True when the run reached a NaN or infinite loss or parameter. */
    public boolean diverged() {
        return firstNonFiniteIteration.isPresent();
    }

    /** The first epoch (counted from 1) after which the accuracy was 1.0, if any. */
    public OptionalInt firstPerfectEpoch() {
        for (int e = 0; e < epochAccuracy.size(); e++) {
            if (epochAccuracy.get(e) == 1.0) {
                return OptionalInt.of(e + 1);
            }
        }
        return OptionalInt.empty();
    }
}
