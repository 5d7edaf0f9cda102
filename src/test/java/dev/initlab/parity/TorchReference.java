package dev.initlab.parity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initlab.config.RunConfig;
import dev.initlab.experiment.ResultJson;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads {@code reference/torch_reference.json}, produced by {@code reference/torch_reference.py} with torch. */
public final class TorchReference {

    /** Location of the reference, relative to the project folder (Surefire's working directory). */
    public static final Path FILE = Path.of("reference", "torch_reference.json");

    private static JsonNode root;

    private TorchReference() {
    }

    /** The whole reference document. */
    public static synchronized JsonNode root() {
        if (root == null) {
            root = ResultJson.read(FILE);
        }
        return root;
    }

    /** Every run in the reference. */
    public static List<JsonNode> runs() {
        return StreamSupport.stream(root().get("runs").spliterator(), false).toList();
    }

    /** The run with this name. */
    public static JsonNode run(String name) {
        return runs().stream().filter(r -> r.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference run " + name));
    }

    /**
     * The DL4J configuration of a reference run. PyTorch's random default init cannot be replayed by DL4J's
     * generator, so such runs are replayed as a fixed start from the values torch drew.
     */
    public static RunConfig config(JsonNode run) {
        JsonNode c = run.get("config");
        JsonNode initial = run.get("initialParams");
        return new RunConfig(InitScheme.FIXED, initial.get("w").asDouble(), initial.get("b").asDouble(),
                LossKind.parse(c.get("loss").asText()), c.get("learningRate").asDouble(),
                c.get("batchSize").asInt(), c.get("epochs").asInt(), 0L, Precision.FLOAT);
    }

    /** A numeric array of a run as a list. */
    public static List<Double> numbers(JsonNode run, String key) {
        List<Double> values = new ArrayList<>();
        run.get(key).forEach(v -> values.add(v.asDouble()));
        return values;
    }
}
