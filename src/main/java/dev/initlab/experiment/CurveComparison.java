package dev.initlab.experiment;

import dev.initlab.train.TrainingResult;
import java.util.List;

/**
 * How far two runs' per-iteration loss curves and end points are apart.
 *
 * @param steps           number of compared steps (the shorter curve's length)
 * @param maxAbsDiff      largest |a - b| over the steps (NaN where either is not finite counts as infinite)
 * @param meanAbsDiff     mean |a - b|
 * @param maxAbsDiffStep  step (from 0) of the largest difference
 * @param firstPartStep   first step (from 0) whose difference exceeds the tolerance, or -1
 * @param tolerance       the tolerance used for {@code firstPartStep}
 * @param deltaW          final w of a minus final w of b
 * @param deltaB          final b of a minus final b of b
 * @param deltaAccuracy   final accuracy of a minus that of b
 */
public record CurveComparison(int steps, double maxAbsDiff, double meanAbsDiff, int maxAbsDiffStep,
        int firstPartStep, double tolerance, double deltaW, double deltaB, double deltaAccuracy) {

    /** Compares two results step by step. */
    public static CurveComparison of(TrainingResult a, TrainingResult b, double tolerance) {
        return of(a.iterationLoss(), b.iterationLoss(), tolerance).withEndPoints(a.finalW() - b.finalW(),
                a.finalB() - b.finalB(), a.accuracy() - b.accuracy());
    }

    /** This comparison with the differences of the final w, b and accuracy filled in. */
    public CurveComparison withEndPoints(double deltaW, double deltaB, double deltaAccuracy) {
        return new CurveComparison(steps, maxAbsDiff, meanAbsDiff, maxAbsDiffStep, firstPartStep, tolerance, deltaW,
                deltaB, deltaAccuracy);
    }

    /** Compares two curves (end points left NaN). */
    public static CurveComparison of(List<Double> a, List<Double> b, double tolerance) {
        int n = Math.min(a.size(), b.size());
        double max = 0;
        double sum = 0;
        int maxStep = -1;
        int firstPart = -1;
        for (int i = 0; i < n; i++) {
            double diff = Math.abs(a.get(i) - b.get(i));
            if (Double.isNaN(diff)) {
                diff = Double.POSITIVE_INFINITY;
            }
            sum += diff;
            if (diff > max || maxStep < 0) {
                max = diff;
                maxStep = i;
            }
            if (firstPart < 0 && diff > tolerance) {
                firstPart = i;
            }
        }
        return new CurveComparison(n, max, n == 0 ? 0 : sum / n, maxStep, firstPart, tolerance, Double.NaN,
                Double.NaN, Double.NaN);
    }
}
