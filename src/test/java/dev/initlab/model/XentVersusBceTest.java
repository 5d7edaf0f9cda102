package dev.initlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.CurveComparison;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * DL4J's XENT clips p to [1e-5, 1 - 1e-5] in score and gradient; the BCE port does not. These tests measure
 * where that matters (saturated predictions) and show that it is the only difference (unsaturated ones).
 */
class XentVersusBceTest {

    private static RunConfig fixed(double w0, double b0, LossKind loss, double lr, int batch, int epochs) {
        return new RunConfig(InitScheme.FIXED, w0, b0, loss, lr, batch, epochs, 0, Precision.FLOAT);
    }

    @Test
    void fullBatchFromTheBadStartPartsVisibly() {
        RunConfig bce = fixed(-5, -10, LossKind.BCE, 2, 40, 50);
        TrainingResult withBce = Trainer.train(bce);
        TrainingResult withXent = Trainer.train(bce.withLoss(LossKind.XENT));
        CurveComparison c = CurveComparison.of(withXent, withBce, 1e-5);
        System.out.printf("xent vs bce, full batch from (-5,-10): %s%n", c);
        assertThat(c.maxAbsDiff()).as("max |loss difference|").isGreaterThan(1e-3);
        assertThat(Math.abs(c.deltaW()) + Math.abs(c.deltaB())).as("end points differ").isGreaterThan(1e-3);
    }

    @Test
    void tutorialBatchFromTheBadStartParts() {
        TrainingResult withBce = Trainer.train(RunConfig.tutorial(LossKind.BCE));
        TrainingResult withXent = Trainer.train(RunConfig.tutorial(LossKind.XENT));
        CurveComparison c = CurveComparison.of(withXent, withBce, 1e-5);
        System.out.printf("xent vs bce, tutorial settings: %s%n", c);
        assertThat(c.firstPartStep()).as("the curves part somewhere").isGreaterThanOrEqualTo(0);
        assertThat(withXent.accuracy()).isEqualTo(withBce.accuracy()).isEqualTo(1.0);
    }

    @Test
    void unsaturatedPredictionsGiveTheSameRun() {
        RunConfig gentle = fixed(0.5, 0.0, LossKind.BCE, 0.1, 4, 2);
        CurveComparison c = CurveComparison.of(Trainer.train(gentle.withLoss(LossKind.XENT)),
                Trainer.train(gentle), 1e-6);
        System.out.printf("xent vs bce, unsaturated: %s%n", c);
        assertThat(c.maxAbsDiff()).isLessThanOrEqualTo(1e-6);
        assertThat(Math.abs(c.deltaW())).isLessThanOrEqualTo(1e-6);
    }
}
