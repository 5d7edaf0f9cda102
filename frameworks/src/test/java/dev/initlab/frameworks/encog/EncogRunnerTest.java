package dev.initlab.frameworks.encog;

import static dev.initlab.frameworks.TorchReference.assertMatchesTorch;
import static dev.initlab.frameworks.TorchReference.list;
import static dev.initlab.frameworks.TorchReference.maxLossDiff;
import static dev.initlab.frameworks.TorchReference.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.TorchReference;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.training.propagation.back.Backpropagation;
import org.junit.jupiter.api.Test;

/**
 * Encog computes in double, torch in float32: the gap is float32 rounding carried along 1000 steps.
 * Measured: MSE tutorial max |Δ loss| 5.7e-8, final w 5.2e-6 apart; BCE 1.0e-6, final w 6.9e-6 apart.
 * Tolerances: 1e-6 (MSE) and 1e-5 (BCE), the project's own DL4J-vs-torch tolerances.
 */
class EncogRunnerTest {
    private final EncogRunner runner = new EncogRunner();

    @Test
    void mseTutorialMatchesTorch() {
        RunRecord r = runner.run(TorchReference.config("mse_fixed_tutorial"));
        assertMatchesTorch(r, "mse_fixed_tutorial", 1e-6);
        assertThat(r.accuracy).isEqualTo(0.575);
        assertThat(r.finalW).isCloseTo(-3.5146594, within(1e-5));
        assertThat(r.passedLearningRate).isEqualTo("2.0"); // lr · 2 / B = 2 · 2 / 2
    }

    @Test
    void bceTutorialMatchesTorch() {
        RunRecord r = runner.run(TorchReference.config("bce_fixed_tutorial"));
        assertMatchesTorch(r, "bce_fixed_tutorial", 1e-5);
        assertThat(r.accuracy).isEqualTo(1.0);
        assertThat(r.finalW).isCloseTo(13.704489, within(1e-4));
        assertThat(r.passedLearningRate).isEqualTo("1.0"); // lr / B = 2 / 2
    }

    @Test
    void partialLastBatchGetsItsOwnRate() {
        RunRecord r = runner.run(TorchReference.config("mse_lr2_b3_e10_w2_b2"));
        assertThat(maxLossDiff(r, "mse_lr2_b3_e10_w2_b2")).isLessThan(1e-6);
        assertThat(r.passedLearningRate).isEqualTo("per minibatch size: [1.3333333333333333, 4.0]");
    }

    /** Encog's own minibatching (setBatchSize) updates after ⌈(B+1)/2⌉ records: 3 for B = 4. */
    @Test
    void encogSetBatchSizeCountsTwicePerRecord() {
        double[][] in = {{-2}, {-1}, {1}, {2}};
        double[][] ideal = {{0}, {0}, {1}, {1}};
        BasicNetwork network = EncogRunner.network(-5, -10);
        int[] learnCalls = {0};
        Backpropagation train = new Backpropagation(network, new BasicMLDataSet(in, ideal), 1, 0) {
            @Override
            protected void learn() {
                learnCalls[0]++;
                super.learn();
            }
        };
        train.setThreadCount(1);
        train.setBatchSize(4);
        train.iteration();
        assertThat(learnCalls[0]).isEqualTo(2); // after records 0..2, then the "remaining" record 3; not 1
    }

    @Test
    void mseLossIsEncogsOwnErrorAndEqualsTheMean() {
        RunConfig c = new RunConfig("mse", -5, -10, 2, 40, 1);
        RunRecord r = runner.run(c);
        assertThat(r.iterationLoss.get(0)).isCloseTo(list(run("mse_fixed_fullbatch"), "iterationLoss").get(0),
                within(1e-7));
    }
}
