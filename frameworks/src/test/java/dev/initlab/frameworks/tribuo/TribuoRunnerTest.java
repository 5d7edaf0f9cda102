package dev.initlab.frameworks.tribuo;

import static dev.initlab.frameworks.TorchReference.assertMatchesTorch;
import static dev.initlab.frameworks.TorchReference.list;
import static dev.initlab.frameworks.TorchReference.maxLossDiff;
import static dev.initlab.frameworks.TorchReference.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.TorchReference;
import org.junit.jupiter.api.Test;

/**
 * Tribuo computes in double; same measured gaps as Encog (the two are bit-identical to each other on the
 * tutorial cases): MSE max |Δ loss| 5.7e-8, BCE 1.0e-6. Tolerances 1e-6 (MSE), 1e-5 (BCE).
 */
class TribuoRunnerTest {
    private final TribuoRunner runner = new TribuoRunner();

    @Test
    void mseTutorialMatchesTorchWithTheCustomObjective() {
        RunRecord r = runner.run(TorchReference.config("mse_fixed_tutorial"));
        assertMatchesTorch(r, "mse_fixed_tutorial", 1e-6);
        assertThat(r.accuracy).isEqualTo(0.575);
        assertThat(r.passedLearningRate).isEqualTo("0.5"); // lr / B² = 2 / 4
        assertThat(r.notes).anyMatch(n -> n.contains("SigmoidSquaredError"));
    }

    @Test
    void bceTutorialMatchesTorch() {
        RunRecord r = runner.run(TorchReference.config("bce_fixed_tutorial"));
        assertMatchesTorch(r, "bce_fixed_tutorial", 1e-5);
        assertThat(r.accuracy).isEqualTo(1.0);
        assertThat(r.finalW).isCloseTo(13.704489, within(1e-4));
    }

    /** The last batch of 1 (batch 3) is fixed with example weight 9 on that point. */
    @Test
    void partialLastBatchViaExampleWeights() {
        RunRecord r = runner.run(TorchReference.config("mse_lr2_b3_e10_w2_b2"));
        assertThat(maxLossDiff(r, "mse_lr2_b3_e10_w2_b2")).isLessThan(1e-6);
        assertThat(r.passedLearningRate).contains("example weight 9.0");
    }

    /** Without the 1/B² translation Tribuo's step is B² = 4 times torch's: the run departs at once. */
    @Test
    void tribuoScalesTheSummedGradientByTheBatchSize() {
        RunConfig c = TorchReference.config("bce_fixed_tutorial");
        RunRecord r = runner.run(new RunConfig("bce", c.w0(), c.b0(), c.learningRate() * 4, 2, 1));
        double torchStep = list(run("bce_fixed_tutorial"), "iterationW").get(0) - c.w0();
        RunRecord same = runner.run(new RunConfig("bce", c.w0(), c.b0(), c.learningRate(), 2, 1));
        assertThat(same.iterationW.get(0) - c.w0()).isCloseTo(torchStep, within(1e-5));
        assertThat(r.iterationW.get(0) - c.w0()).isCloseTo(4 * torchStep, within(1e-4));
    }
}
