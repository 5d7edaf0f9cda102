package dev.initlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initlab.config.RunConfig;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitSchemeTest {

    /**
     * The distributions behind the names, drawn for this layer's fan-in = fan-out = 1: mean 0 and the
     * variance the scheme promises (Glorot 2/(in+out), He 2/in, LeCun 1/in, U(±1/sqrt(in)) has 1/3).
     */
    @ParameterizedTest(name = "{0}: variance {1}")
    @CsvSource({"xavier, 1.0", "relu, 2.0", "uniform, 0.3333333", "xavier_uniform, 1.0", "lecun_normal, 1.0"})
    void drawsHaveTheRightMoments(String name, double variance) {
        WeightInit init = InitScheme.parse(name).weightInit().orElseThrow();
        Nd4j.getRandom().setSeed(42);
        int n = 200_000;
        INDArray draws = Nd4j.create(DataType.DOUBLE, n, 1);
        init.getWeightInitFunction().init(1, 1, new long[] {n, 1}, 'f', draws);
        double[] w = draws.toDoubleVector();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double standardError = Math.sqrt(variance / n);
        assertThat(mean).as("mean").isBetween(-5 * standardError, 5 * standardError);
        assertThat(var).as("variance").isBetween(variance * 0.98, variance * 1.02);
        if (name.equals("uniform")) {
            assertThat(Arrays.stream(w).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void seedZeroIsReproducibleToo() {
        for (String name : new String[] {"xavier", "relu", "uniform"}) {
            RunConfig zero = RunConfig.randomInit(InitScheme.parse(name), LossKind.MSE, 0);
            double first = NetworkFactory.weight(NetworkFactory.create(zero));
            Nd4j.getRandom().nextDouble(); // disturb the shared generator in between
            assertThat(NetworkFactory.weight(NetworkFactory.create(zero))).as(name).isEqualTo(first);
        }
    }

    @Test
    void randomInitsAreSeededAndStartTheBiasAtZero() {
        RunConfig a = RunConfig.randomInit(InitScheme.parse("xavier"), LossKind.MSE, 7);
        MultiLayerNetwork first = NetworkFactory.create(a);
        MultiLayerNetwork again = NetworkFactory.create(a);
        MultiLayerNetwork other = NetworkFactory.create(RunConfig.randomInit(InitScheme.parse("xavier"), LossKind.MSE, 8));
        assertThat(NetworkFactory.weight(first)).isEqualTo(NetworkFactory.weight(again))
                .isNotEqualTo(NetworkFactory.weight(other));
        assertThat(NetworkFactory.bias(first)).isZero();
    }

    @ParameterizedTest(name = "{0} + {1}, seed {2}")
    @CsvSource({"xavier, mse, 0", "xavier, bce, 0", "relu, mse, 1", "relu, bce, 1", "uniform, mse, 2",
            "uniform, bce, 2", "xavier, mse, 3", "uniform, mse, 4", "relu, mse, 4"})
    void sensibleRandomStartsLearn(String init, String loss, long seed) {
        TrainingResult r = Trainer.train(RunConfig.randomInit(InitScheme.parse(init), LossKind.parse(loss), seed));
        assertThat(r.accuracy()).isEqualTo(1.0);
    }

    @Test
    void unknownNamesAreRejectedWithTheList() {
        assertThatThrownBy(() -> InitScheme.parse("glorot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xavier").hasMessageContaining("fixed");
        assertThatThrownBy(() -> InitScheme.parse("distribution")).isInstanceOf(IllegalArgumentException.class);
        assertThat(InitScheme.parse("XAVIER_UNIFORM").weightInit()).contains(WeightInit.XAVIER_UNIFORM);
    }
}
