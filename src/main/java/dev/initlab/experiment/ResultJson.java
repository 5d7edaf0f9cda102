package dev.initlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initlab.config.RunConfig;
import dev.initlab.io.AtomicFiles;
import dev.initlab.train.BinaryEvaluation;
import dev.initlab.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code result.json} contract, shared with the PyTorch reference and other frameworks' runners.
 *
 * <p>Keys, in this order: {@code config} {init, w0, b0 (null for random inits), loss, learningRate,
 * batchSize, epochs, seed, dtype}; {@code initialParams} {w, b}; {@code iterationLoss} (one per SGD step,
 * the minibatch loss before the step); {@code iterationW}, {@code iterationB} (after each step);
 * {@code epochMeanLoss}; {@code epochAccuracy}; {@code finalParams} {w, b}; {@code accuracy};
 * {@code finalLoss} (loss of the final model on all 40 points); {@code evaluation} (DL4J EvaluationBinary
 * figures); {@code firstNonFiniteIteration} (null, or the first step with a NaN/infinite value);
 * {@code provenance}. Numbers are the exact values of the run's floats widened to double; NaN and
 * infinities are written as the strings "NaN", "Infinity", "-Infinity". Everything but {@code provenance}
 * depends only on the configuration and seed.
 */
public final class ResultJson {

    /** Name of the provenance block, the only part of a result that may differ between identical runs. */
    public static final String PROVENANCE = "provenance";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    /** The JSON tree of a result with the given provenance. */
    public static ObjectNode toTree(TrainingResult result, Map<String, Object> provenance) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("config", configTree(result.config()));
        root.set("initialParams", params(result.initialW(), result.initialB()));
        root.set("iterationLoss", numbers(result.iterationLoss()));
        root.set("iterationW", numbers(result.iterationW()));
        root.set("iterationB", numbers(result.iterationB()));
        root.set("epochMeanLoss", numbers(result.epochMeanLoss()));
        root.set("epochAccuracy", numbers(result.epochAccuracy()));
        root.set("finalParams", params(result.finalW(), result.finalB()));
        root.put("accuracy", result.accuracy());
        root.put("finalLoss", result.finalLoss());
        root.set("evaluation", evaluation(result.evaluation()));
        if (result.firstNonFiniteIteration().isPresent()) {
            root.put("firstNonFiniteIteration", result.firstNonFiniteIteration().getAsInt());
        } else {
            root.putNull("firstNonFiniteIteration");
        }
        root.set(PROVENANCE, MAPPER.valueToTree(provenance));
        return root;
    }

    /** The {@code config} block. */
    public static ObjectNode configTree(RunConfig config) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("init", config.init().id());
        if (config.init().isFixed()) {
            node.put("w0", config.w0());
            node.put("b0", config.b0());
        } else {
            node.putNull("w0");
            node.putNull("b0");
        }
        node.put("loss", config.loss().id());
        node.put("learningRate", config.learningRate());
        node.put("batchSize", config.batchSize());
        node.put("epochs", config.epochs());
        node.put("seed", config.seed());
        node.put("dtype", config.precision().id());
        return node;
    }

    /** The result as indented JSON text with a trailing newline. */
    public static String toJson(TrainingResult result, Map<String, Object> provenance) {
        return write(toTree(result, provenance));
    }

    /** Writes {@code result.json}-shaped text atomically. */
    public static void write(Path file, TrainingResult result, Map<String, Object> provenance) {
        AtomicFiles.writeString(file, toJson(result, provenance));
    }

    /** Reads any JSON file (a result, or the PyTorch reference) as a tree. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Indented JSON text of a tree, with a trailing newline. */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared mapper (indenting, default number handling). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectNode params(double w, double b) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("w", w);
        node.put("b", b);
        return node;
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode evaluation(BinaryEvaluation e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("accuracy", e.accuracy());
        node.put("precision", e.precision());
        node.put("recall", e.recall());
        node.put("f1", e.f1());
        node.put("truePositives", e.truePositives());
        node.put("falsePositives", e.falsePositives());
        node.put("trueNegatives", e.trueNegatives());
        node.put("falseNegatives", e.falseNegatives());
        return node;
    }
}
