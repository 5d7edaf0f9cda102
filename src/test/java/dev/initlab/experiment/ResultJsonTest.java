package dev.initlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    private static String withoutProvenance(TrainingResult r) {
        ObjectNode tree = ResultJson.toTree(r, Provenance.current());
        tree.remove(ResultJson.PROVENANCE);
        return ResultJson.write(tree);
    }

    @Test
    void sameConfigurationAndSeedGiveTheSameBytesApartFromProvenance() {
        RunConfig config = new RunConfig(InitScheme.parse("relu"), 0, 0, LossKind.BCE, 0.7, 3, 4, 11, Precision.DOUBLE);
        String first = withoutProvenance(Trainer.train(config));
        String second = withoutProvenance(Trainer.train(config));
        assertThat(second).isEqualTo(first);
        RunConfig otherSeed = new RunConfig(InitScheme.parse("relu"), 0, 0, LossKind.BCE, 0.7, 3, 4, 12, Precision.DOUBLE);
        assertThat(withoutProvenance(Trainer.train(otherSeed))).isNotEqualTo(first);
    }

    @Test
    void theContractHasItsKeysInOrder() {
        TrainingResult r = Trainer.train(new RunConfig(InitScheme.FIXED, -5, -10, LossKind.MSE, 2, 2, 3, 0, Precision.FLOAT));
        JsonNode tree = ResultJson.toTree(r, Map.of("framework", "x"));
        assertThat(fieldNames(tree)).containsExactly("config", "initialParams", "iterationLoss",
                "iterationW", "iterationB", "epochMeanLoss", "epochAccuracy", "finalParams", "accuracy", "finalLoss",
                "evaluation", "firstNonFiniteIteration", "provenance");
        assertThat(fieldNames(tree.get("config"))).containsExactly("init", "w0", "b0", "loss",
                "learningRate", "batchSize", "epochs", "seed", "dtype");
        assertThat(tree.get("iterationLoss")).hasSize(60);
        assertThat(tree.get("epochAccuracy")).hasSize(3);
        assertThat(tree.get("config").get("dtype").asText()).isEqualTo("float");
        assertThat(tree.get("firstNonFiniteIteration").isNull()).isTrue();
        assertThat(tree.get("provenance").get("framework").asText()).isEqualTo("x");
    }

    @Test
    void provenanceNamesFrameworkVersionAndMachine() {
        Map<String, Object> p = Provenance.current();
        assertThat(p).containsEntry("framework", "deeplearning4j").containsEntry("frameworkVersion", "1.0.0-M2.1")
                .containsKeys("java", "os", "timestamp", "ompNumThreads");
    }

    @Test
    void randomInitsWriteNullStartValues() {
        TrainingResult r = Trainer.train(new RunConfig(InitScheme.parse("uniform"), 1, 2, LossKind.MSE, 2, 40, 1, 3,
                Precision.FLOAT));
        JsonNode config = ResultJson.toTree(r, Map.of()).get("config");
        assertThat(config.get("w0").isNull()).isTrue();
        assertThat(config.get("init").asText()).isEqualTo("uniform");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
