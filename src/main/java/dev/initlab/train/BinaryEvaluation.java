package dev.initlab.train;

import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The figures DL4J's {@link EvaluationBinary} reports for the single output (threshold 0.5).
 *
 * @param accuracy       fraction correct
 * @param precision      TP / (TP + FP); 0 when nothing is predicted positive
 * @param recall         TP / (TP + FN)
 * @param f1             harmonic mean of precision and recall
 * @param truePositives  count
 * @param falsePositives count
 * @param trueNegatives  count
 * @param falseNegatives count
 */
public record BinaryEvaluation(double accuracy, double precision, double recall, double f1, int truePositives,
        int falsePositives, int trueNegatives, int falseNegatives) {

    /** Evaluates predicted probabilities against 0/1 labels with DL4J's EvaluationBinary. */
    public static BinaryEvaluation of(INDArray labels, INDArray probabilities) {
        EvaluationBinary evaluation = new EvaluationBinary();
        evaluation.eval(labels, probabilities);
        return new BinaryEvaluation(finiteOrZero(evaluation.accuracy(0)), finiteOrZero(evaluation.precision(0)),
                finiteOrZero(evaluation.recall(0)), finiteOrZero(evaluation.f1(0)),
                evaluation.truePositives(0), evaluation.falsePositives(0), evaluation.trueNegatives(0),
                evaluation.falseNegatives(0));
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
