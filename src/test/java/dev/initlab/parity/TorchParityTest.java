package dev.initlab.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initlab.config.RunConfig;
import dev.initlab.experiment.CurveComparison;
import dev.initlab.model.LossKind;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DL4J against the committed PyTorch reference: every reference run (tutorial settings, full batch, other
 * learning rates, batch sizes, epochs and starts, and torch's own random draws replayed as fixed starts).
 */
class TorchParityTest {

    /** MSE is the same maths in both frameworks; the tolerance the issue sets (0 is reached in practice). */
    private static final double MSE_TOLERANCE = 1e-6;
    /** BCE: our port of BCELoss differs from torch only in the order of float operations. */
    private static final double BCE_TOLERANCE = 1e-5;

    static Stream<String> referenceRuns() {
        return TorchReference.runs().stream().map(r -> r.get("name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRuns")
    void curvesAndEndPointsMatchTorch(String name) {
        JsonNode reference = TorchReference.run(name);
        RunConfig config = TorchReference.config(reference);
        TrainingResult dl4j = Trainer.train(config);
        double tolerance = config.loss() == LossKind.MSE ? MSE_TOLERANCE : BCE_TOLERANCE;

        List<Double> torchLoss = TorchReference.numbers(reference, "iterationLoss");
        assertThat(dl4j.iterationLoss()).hasSameSizeAs(torchLoss).hasSize((int) config.totalSteps());
        CurveComparison loss = CurveComparison.of(dl4j.iterationLoss(), torchLoss, tolerance);
        System.out.printf("parity %-28s steps %4d  max|dloss| %.3g  mean|dloss| %.3g  final w %s vs %s%n", name,
                loss.steps(), loss.maxAbsDiff(), loss.meanAbsDiff(), (float) dl4j.finalW(),
                reference.get("finalParams").get("w").floatValue());
        assertThat(loss.maxAbsDiff()).as("max |loss diff| of %s", name).isLessThanOrEqualTo(tolerance);
        assertThat(CurveComparison.of(dl4j.iterationW(), TorchReference.numbers(reference, "iterationW"), tolerance)
                .maxAbsDiff()).as("max |w diff|").isLessThanOrEqualTo(tolerance * scale(reference, "w"));
        assertThat(CurveComparison.of(dl4j.iterationB(), TorchReference.numbers(reference, "iterationB"), tolerance)
                .maxAbsDiff()).as("max |b diff|").isLessThanOrEqualTo(tolerance * scale(reference, "b"));
        assertThat(dl4j.epochAccuracy()).containsExactlyElementsOf(TorchReference.numbers(reference, "epochAccuracy"));
        assertThat(dl4j.accuracy()).isEqualTo(reference.get("accuracy").asDouble());
        assertThat(CurveComparison.of(dl4j.epochMeanLoss(), TorchReference.numbers(reference, "epochMeanLoss"),
                tolerance).maxAbsDiff()).isLessThanOrEqualTo(tolerance);
    }

    @Test
    void tutorialMseRunIsBitIdenticalToTorch() {
        JsonNode reference = TorchReference.run("mse_fixed_tutorial");
        TrainingResult dl4j = Trainer.train(RunConfig.tutorial(LossKind.MSE));
        assertThat(dl4j.iterationLoss()).containsExactlyElementsOf(TorchReference.numbers(reference, "iterationLoss"));
        assertThat((float) dl4j.finalW()).isEqualTo(-3.5146594f);
        assertThat((float) dl4j.finalB()).isEqualTo(-10.764264f);
        assertThat(dl4j.accuracy()).isEqualTo(0.575);
        assertThat(dl4j.iterationLoss().get(0).floatValue()).isEqualTo(0.19626848f);
    }

    @Test
    void tutorialBceRunLearnsLikeTorch() {
        TrainingResult dl4j = Trainer.train(RunConfig.tutorial(LossKind.BCE));
        assertThat(dl4j.accuracy()).isEqualTo(1.0);
        assertThat((float) dl4j.finalW()).isCloseTo(13.704489f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat((float) dl4j.finalB()).isCloseTo(-3.249918f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    /** Parameters grow to |w| of about 20; compare them relative to their size where they are large. */
    private static double scale(JsonNode reference, String key) {
        double largest = 1.0;
        for (JsonNode v : reference.get(key.equals("w") ? "iterationW" : "iterationB")) {
            largest = Math.max(largest, Math.abs(v.asDouble()));
        }
        return largest;
    }
}
