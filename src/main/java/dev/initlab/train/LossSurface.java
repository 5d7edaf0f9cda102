package dev.initlab.train;

import dev.initlab.data.TutorialData;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import java.util.Arrays;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The full-data loss L(w, b) over the 40 points, its gradient and the accuracy, for many (w, b) at once,
 * computed with the same DL4J loss function objects the training uses (so XENT's clip and BCE's log floor
 * show as they act). Weights are rounded to the precision's type first, as a network of that type holds them.
 */
public final class LossSurface {

    private static final int SLICE = 8192;

    /**
     * Values at each point.
     *
     * @param loss     mean loss over the 40 points
     * @param gradW    dL/dw
     * @param gradB    dL/db
     * @param accuracy fraction of the 40 points with (p &gt; 0.5) == label
     */
    public record Values(double[] loss, double[] gradW, double[] gradB, double[] accuracy) {

        /** |∇L| at point i. */
        public double gradientNorm(int i) {
            return Math.hypot(gradW[i], gradB[i]);
        }
    }

    private LossSurface() {
    }

    /** Evaluates the loss and its gradient at every (w[i], b[i]). */
    public static Values evaluate(LossKind kind, Precision precision, double[] w, double[] b) {
        int n = w.length;
        Values values = new Values(new double[n], new double[n], new double[n], new double[n]);
        DataType type = precision.dataType();
        ILossFunction lossFunction = kind.create();
        IActivation sigmoid = new ActivationSigmoid();
        int size = TutorialData.SIZE;
        try (INDArray xRow = Nd4j.createFromArray(TutorialData.inputs()).castTo(type).reshape(1, size);
                INDArray yRow = Nd4j.createFromArray(TutorialData.labels()).castTo(type).reshape(1, size)) {
            for (int from = 0; from < n; from += SLICE) {
                int to = Math.min(n, from + SLICE);
                int count = to - from;
                try (INDArray ws = column(w, from, to, type); INDArray bs = column(b, from, to, type);
                        INDArray ones = Nd4j.ones(type, count, 1)) {
                    INDArray labels = ones.mmul(yRow).reshape('c', (long) count * size, 1);
                    INDArray z = ws.mmul(xRow).addiColumnVector(bs).reshape('c', (long) count * size, 1);
                    double[] loss = lossFunction.computeScoreArray(labels, z, sigmoid, null)
                            .reshape('c', count, size).sum(1).toDoubleVector();
                    INDArray p = sigmoid.getActivation(z.dup(), false);
                    double[] correct = p.gt(0.5).castTo(type).eq(labels).castTo(type).reshape('c', count, size)
                            .sum(1).toDoubleVector();
                    // last use of z: DL4J's losses back-propagate through the sigmoid in place, over z
                    INDArray dz = lossFunction.computeGradient(labels, z, sigmoid, null).reshape('c', count, size);
                    double[] gw = Nd4j.gemm(xRow, dz, false, true).toDoubleVector();
                    double[] gb = dz.sum(1).toDoubleVector();
                    for (int i = 0; i < count; i++) {
                        values.loss()[from + i] = loss[i] / size;
                        values.gradW()[from + i] = gw[i] / size;
                        values.gradB()[from + i] = gb[i] / size;
                        values.accuracy()[from + i] = correct[i] / size;
                    }
                }
            }
        }
        return values;
    }

    /** values[from, to) as a new column of the given type (the temporary double array freed at once). */
    static INDArray column(double[] values, int from, int to, DataType type) {
        try (INDArray doubles = Nd4j.createFromArray(Arrays.copyOfRange(values, from, to))) {
            return doubles.castTo(type).reshape(to - from, 1).dup();
        }
    }
}
