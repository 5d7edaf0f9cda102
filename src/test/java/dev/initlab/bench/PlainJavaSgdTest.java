package dev.initlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.initlab.config.RunConfig;
import dev.initlab.data.TutorialData;
import dev.initlab.model.LossKind;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The benchmark's floor must do the same work as the DL4J run it is compared with. */
class PlainJavaSgdTest {

    @Test
    void plainLoopReproducesTheDl4jTutorialRun() {
        float[] losses = new float[1000];
        float[] wb = PlainJavaSgd.trainMse(TutorialData.inputs(), TutorialData.labels(), -5f, -10f, 2f, 2, 50, losses);
        TrainingResult dl4j = Trainer.train(RunConfig.tutorial(LossKind.MSE));
        assertThat((double) wb[0]).isCloseTo(dl4j.finalW(), offset(1e-5));
        assertThat((double) wb[1]).isCloseTo(dl4j.finalB(), offset(1e-5));
        for (int i = 0; i < losses.length; i++) {
            assertThat((double) losses[i]).as("loss %d", i).isCloseTo(dl4j.iterationLoss().get(i), offset(1e-6));
        }
    }
}
