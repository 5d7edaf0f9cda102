package dev.initlab.frameworks.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.util.SigmoidNormalizer;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.multilabel.sgd.MultiLabelObjective;

/**
 * Not in Tribuo: the squared error of the sigmoid output, (sigmoid(z) − y)², per label. Tribuo's multi-label
 * objectives are BinaryCrossEntropy and Hinge only (its regression MSE objectives have no sigmoid), so the
 * tutorial's MSE needs this plug-in through Tribuo's own {@link MultiLabelObjective} interface. Like
 * Tribuo's BinaryCrossEntropy it returns the loss and the negative gradient w.r.t. the logit:
 * −2 (p − y) p (1 − p).
 */
public final class SigmoidSquaredError implements MultiLabelObjective {
    private static final VectorNormalizer NORMALIZER = new SigmoidNormalizer();

    @Override
    public Pair<Double, SGDVector> lossAndGradient(SGDVector truth, SGDVector prediction) {
        DenseVector labels = truth instanceof SparseVector s ? s.densify() : (DenseVector) truth;
        DenseVector pred = prediction instanceof SparseVector s ? s.densify() : (DenseVector) prediction;
        double loss = 0;
        for (int i = 0; i < prediction.size(); i++) {
            double p = SigmoidNormalizer.sigmoid(pred.get(i));
            double d = p - labels.get(i);
            loss += d * d;
            pred.set(i, -(2 * d * p * (1 - p)));
        }
        return new Pair<>(loss, pred);
    }

    @Override
    public VectorNormalizer getNormalizer() {
        return NORMALIZER;
    }

    @Override
    public boolean isProbabilistic() {
        return true;
    }

    @Override
    public double threshold() {
        return 0.5;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "MultiLabelObjective");
    }

    @Override
    public String toString() {
        return "SigmoidSquaredError";
    }
}
