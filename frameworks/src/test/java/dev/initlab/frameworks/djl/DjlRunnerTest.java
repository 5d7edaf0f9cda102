package dev.initlab.frameworks.djl;

import static dev.initlab.frameworks.TorchReference.list;
import static dev.initlab.frameworks.TorchReference.maxLossDiff;
import static dev.initlab.frameworks.TorchReference.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.TorchReference;
import dev.initlab.frameworks.djl.DjlRunner.Variant;
import org.junit.jupiter.api.Test;

/**
 * DJL on libtorch computes in float32 like the reference: MSE is bit-identical (max |Δ loss| 0, final w, b
 * equal); BCE (torch's BCELoss written in NDArray ops) max |Δ loss| 7.5e-8 with final w, b bit-identical.
 * Tolerances: 0 (MSE), 1e-6 (BCE). Needs -Pdjl.
 */
class DjlRunnerTest {
    private static final String MSE = "mse_fixed_tutorial";
    private static final String BCE = "bce_fixed_tutorial";

    @Test
    void mseTutorialIsBitIdenticalToTorch() {
        RunRecord r = new DjlRunner().run(TorchReference.config(MSE));
        assertThat(maxLossDiff(r, MSE)).isZero();
        assertThat(r.iterationW).isEqualTo(list(run(MSE), "iterationW"));
        assertThat(r.epochAccuracy).isEqualTo(list(run(MSE), "epochAccuracy"));
        assertThat(r.accuracy).isEqualTo(0.575);
    }

    @Test
    void bceTutorialMatchesTorch() {
        RunRecord r = new DjlRunner().run(TorchReference.config(BCE));
        assertThat(maxLossDiff(r, BCE)).isLessThan(1e-6);
        assertThat(r.epochAccuracy).isEqualTo(list(run(BCE), "epochAccuracy"));
        assertThat(r.finalW).isEqualTo(run(BCE).get("finalParams").get("w").asDouble());
    }

    /** DJL's L2Loss is ½·MSE: its loss is exactly half torch's, and with 2·lr the path is torch's. */
    @Test
    void stockL2LossIsHalfMse() {
        RunRecord r = new DjlRunner(Variant.STOCK_L2).run(TorchReference.config(MSE));
        assertThat(r.passedLearningRate).isEqualTo("4.0");
        for (int i = 0; i < r.iterationLoss.size(); i++) {
            assertThat(2 * r.iterationLoss.get(i)).isEqualTo(list(run(MSE), "iterationLoss").get(i));
        }
    }

    /** fromSigmoid=true: the value is minus BCE (lacks the minus sign), so SGD climbs: accuracy falls. */
    @Test
    void bceFromSigmoidHasNoMinusSign() {
        RunRecord r = new DjlRunner(Variant.BCE_FROM_SIGMOID).run(TorchReference.config(BCE));
        double torchFirst = list(run(BCE), "iterationLoss").get(0);
        assertThat(r.iterationLoss.get(0)).isCloseTo(-torchFirst, within(1e-6));
        assertThat(r.iterationW.get(0) - (-5.0)).isCloseTo(-(list(run(BCE), "iterationW").get(0) + 5.0), within(1e-5));
        assertThat(r.accuracy).isLessThan(1.0);
    }

    /**
     * fromSigmoid=false computes relu(z) − z·y + softplus(−|z|); at z = 0 exactly its autograd gradient is −y,
     * not ½ − y. The tutorial's start puts x = −2 at z = 0, so the first step loses that point's 0.5·x/B:
     * Δw is torch's − 1.0 and Δb torch's + 0.5 (lr 2, B 2).
     */
    @Test
    void stockBceOnLogitsHasAWrongGradientAtZero() {
        RunRecord r = new DjlRunner(Variant.STOCK_BCE_LOGITS).run(TorchReference.config(BCE));
        assertThat(r.iterationLoss.get(0)).isEqualTo(list(run(BCE), "iterationLoss").get(0));
        assertThat(r.iterationW.get(0)).isCloseTo(list(run(BCE), "iterationW").get(0) - 1.0, within(1e-5));
        assertThat(r.iterationB.get(0)).isCloseTo(list(run(BCE), "iterationB").get(0) + 0.5, within(1e-5));
        assertThat(maxLossDiff(r, BCE)).isGreaterThan(0.1);
    }

    @Test
    void variantsCheckTheirLoss() {
        assertThatThrownBy(() -> new DjlRunner(Variant.STOCK_L2).run(RunConfig.tutorial("bce")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
