package dev.initlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.initlab.config.RunConfig;
import dev.initlab.data.TutorialData;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.NetworkFactory;
import dev.initlab.model.Precision;
import dev.initlab.train.Accuracy;
import dev.initlab.train.LossSurface;
import dev.initlab.train.ManyModelTrainer;
import dev.initlab.train.Trainer;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Ranges, start grids, the loss surface and the basin study. */
class StudiesTest {

    @Test
    void rangesParseAndSampleTheirEnds() {
        Range r = Range.parse("-20:20");
        assertThat(r.at(0, 201)).isEqualTo(-20.0);
        assertThat(r.at(200, 201)).isEqualTo(20.0);
        assertThat(r.at(75, 201)).isCloseTo(-5.0, offset(1e-12));
        for (String bad : new String[] {"5:1", "1:1", "a:b", "1", "1:2:3", "NaN:1", "-Infinity:0"}) {
            assertThatThrownBy(() -> Range.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void startGridsEnumerateEveryPairOnce() {
        StartGrid grid = new StartGrid(Range.parse("0:1"), Range.parse("10:12"), 3);
        assertThat(grid.size()).isEqualTo(9);
        assertThat(grid.w0Values()).containsExactly(0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 1);
        assertThat(grid.b0Values()).containsExactly(10, 11, 12, 10, 11, 12, 10, 11, 12);
        assertThatThrownBy(() -> new StartGrid(Range.parse("0:1"), Range.parse("0:1"), 1))
                .hasMessageContaining("--resolution");
        assertThatThrownBy(() -> new StartGrid(Range.parse("0:1"), Range.parse("0:1"), 5000))
                .hasMessageContaining("--resolution");
    }

    @Test
    void lossSurfaceIsTheNetworksScore() {
        double[] w = {-5, 0.5, 13.7, -20};
        double[] b = {-10, 0, -3.25, 20};
        for (LossKind loss : LossKind.values()) {
            LossSurface.Values values = LossSurface.evaluate(loss, Precision.DOUBLE, w, b);
            for (int i = 0; i < w.length; i++) {
                MultiLayerNetwork net = NetworkFactory.create(new RunConfig(InitScheme.FIXED, w[i], b[i], loss, 1, 40,
                        1, 0, Precision.DOUBLE));
                double score = net.score(TutorialData.dataSet(DataType.DOUBLE), false);
                assertThat(values.loss()[i]).as("%s at %s, %s", loss, w[i], b[i]).isCloseTo(score, offset(1e-12));
                assertThat(values.accuracy()[i]).isEqualTo(Accuracy.of(net, TutorialData.dataSet(DataType.DOUBLE)));
                // the gradient against a central finite difference of the same surface
                double h = 1e-6;
                double dw = (LossSurface.evaluate(loss, Precision.DOUBLE, new double[] {w[i] + h}, new double[] {b[i]})
                        .loss()[0] - LossSurface.evaluate(loss, Precision.DOUBLE, new double[] {w[i] - h},
                        new double[] {b[i]}).loss()[0]) / (2 * h);
                // XENT's clipped gradient is not the derivative of its clipped score, nor is BCE's (torch's) once
                // p(1 - p) < 1e-12, as at (-20, 20) where |z| reaches 60: compare only where both are derivatives
                boolean saturated = Math.abs(w[i]) * 2 + Math.abs(b[i]) > 27;
                if (loss == LossKind.MSE || loss == LossKind.BCE && !saturated) {
                    assertThat(values.gradW()[i]).as("%s dL/dw at %s, %s", loss, w[i], b[i])
                            .isCloseTo(dw, offset(1e-6 + 1e-4 * Math.abs(dw)));
                }
            }
        }
    }

    @Test
    void basinMapAgreesWithSingleRunsAtTheTutorialStart() {
        StartGrid grid = new StartGrid(Range.parse("-20:20"), Range.parse("-20:20"), 9); // step 5: (-5,-10) on it
        ManyModelTrainer.Settings settings = new ManyModelTrainer.Settings(LossKind.MSE, 2, 2, 50, Precision.FLOAT);
        List<BasinStudy.LossMap> maps = BasinStudy.run(grid, List.of(LossKind.MSE, LossKind.BCE), settings, s -> { });
        int tutorial = 3 * 9 + 2; // w0 index 3 (-5), b0 index 2 (-10)
        assertThat(grid.w0Values()[tutorial]).isEqualTo(-5.0);
        assertThat(grid.b0Values()[tutorial]).isEqualTo(-10.0);
        assertThat(maps.get(0).outcome().accuracy()[tutorial]).isEqualTo(0.575);
        assertThat(maps.get(1).outcome().accuracy()[tutorial]).isEqualTo(1.0);
        assertThat(maps.get(0).outcome().finalW()[tutorial])
                .isCloseTo(Trainer.train(RunConfig.tutorial(LossKind.MSE)).finalW(), offset(1e-5));
        assertThat(maps.get(1).learnedShare()).isGreaterThan(maps.get(0).learnedShare());
        assertThat(BasinStudy.modelSteps(grid, List.of(LossKind.MSE, LossKind.BCE), settings)).isEqualTo(81L * 1000 * 2);
    }
}
