package dev.initlab.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy computed the way {@code torch.nn.BCELoss} computes it, for comparison with PyTorch.
 *
 * <p>Score per element: {@code (y - 1) * max(log(1 - p), -100) - y * max(log(p), -100)}. Gradient with
 * respect to p: {@code (p - y) / max((1 - p) * p, 1e-12)}, then back through the activation. Unlike DL4J's
 * {@code LossBinaryXENT} nothing clips p, so a saturated prediction keeps its full gradient. Masks are not
 * supported (this project's data has none).
 */
public final class TorchBceLoss implements ILossFunction {

    private static final double LOG_FLOOR = -100.0;
    private static final double GRADIENT_EPSILON = 1e-12;

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask) {
        requireNoMask(mask);
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        INDArray logP = Transforms.max(Transforms.log(p, true), LOG_FLOOR, false);
        INDArray log1mP = Transforms.max(Transforms.log(p.rsub(1.0), false), LOG_FLOOR, false);
        INDArray perElement = labels.sub(1.0).muli(log1mP).subi(labels.mul(logP));
        return perElement.sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask) {
        requireNoMask(mask);
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        INDArray denominator = Transforms.max(p.rsub(1.0).muli(p), GRADIENT_EPSILON, false);
        INDArray dLdP = p.sub(labels).divi(denominator);
        return activationFn.backprop(preOutput.dup(), dLdP).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
            IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "TorchBceLoss";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TorchBceLoss;
    }

    @Override
    public int hashCode() {
        return TorchBceLoss.class.hashCode();
    }

    @Override
    public String toString() {
        return name() + "()";
    }

    private static void requireNoMask(INDArray mask) {
        if (mask != null) {
            throw new UnsupportedOperationException("TorchBceLoss does not support masks");
        }
    }
}
