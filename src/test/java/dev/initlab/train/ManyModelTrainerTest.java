package dev.initlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The many-model trainer against one MultiLayerNetwork run per start: same curves and end points. */
class ManyModelTrainerTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0}, lr {1}, batch {2}, {3} epochs, {4}")
    @CsvSource({"mse, 2, 2, 50, float", "bce, 2, 2, 50, float", "xent, 2, 2, 50, float",
            "mse, 0.5, 3, 7, float", "bce, 0.1, 8, 12, float", "xent, 3, 1, 4, float", "bce, 2, 40, 30, float",
            "mse, 2, 2, 20, double", "bce, 1, 7, 10, double"})
    void agreesWithSingleNetworkRuns(String loss, double lr, int batch, int epochs, String dtype) {
        ManyModelTrainer.Settings settings = new ManyModelTrainer.Settings(LossKind.parse(loss), lr, batch, epochs,
                Precision.parse(dtype));
        Random random = new Random(loss.hashCode() * 31L + batch);
        double[][] edges = {{-5, -10}, {0, 0}, {20, -20}, {-20, 20}, {1e4, -1e4}, {-300, 50}, {0.001, -0.001},
                {50, 50}};
        int randomStarts = 12;
        double[] w0 = new double[edges.length + randomStarts];
        double[] b0 = new double[w0.length];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = i < edges.length ? edges[i][0] : (float) (random.nextDouble() * 40 - 20);
            b0[i] = i < edges.length ? edges[i][1] : (float) (random.nextDouble() * 40 - 20);
        }
        AtomicLong progress = new AtomicLong();
        ManyModelTrainer.Outcome many = new ManyModelTrainer(settings, 7, 2).train(w0, b0, true, progress::addAndGet);
        assertThat(progress.get()).isEqualTo((long) w0.length * settings.steps());

        for (int i = 0; i < w0.length; i++) {
            TrainingResult single = Trainer.train(new RunConfig(InitScheme.FIXED, w0[i], b0[i], settings.loss(), lr,
                    batch, epochs, 0, settings.precision()));
            String start = "start (" + w0[i] + ", " + b0[i] + ")";
            double[] curve = many.iterationLoss()[i];
            assertThat(curve).hasSize(single.iterationLoss().size());
            for (int s = 0; s < curve.length; s++) {
                assertThat(curve[s]).as("%s, step %d loss", start, s)
                        .isCloseTo(single.iterationLoss().get(s), org.assertj.core.data.Offset.offset(TOLERANCE));
            }
            assertThat(many.finalW()[i]).as("%s final w", start).isCloseTo(single.finalW(),
                    org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(single.finalW()))));
            assertThat(many.finalB()[i]).as("%s final b", start).isCloseTo(single.finalB(),
                    org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(single.finalB()))));
            assertThat(many.accuracy()[i]).as("%s accuracy", start).isEqualTo(single.accuracy());
            assertThat(many.finalLoss()[i]).as("%s final loss", start).isCloseTo(single.finalLoss(),
                    org.assertj.core.data.Offset.offset(TOLERANCE));
        }
    }
}
