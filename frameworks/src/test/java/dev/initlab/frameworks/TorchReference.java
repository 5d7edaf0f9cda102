package dev.initlab.frameworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads runs of ../reference/torch_reference.json and measures a framework's run against them. */
public final class TorchReference {
    public static final Path FILE = Path.of("..", "reference", "torch_reference.json");
    private static JsonNode root;

    private TorchReference() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try {
                root = new ObjectMapper().readTree(FILE.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static JsonNode run(String name) {
        for (JsonNode r : root().get("runs")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public static RunConfig config(String name) {
        JsonNode c = run(name).get("config");
        return new RunConfig(c.get("loss").asText(), c.get("w0").asDouble(), c.get("b0").asDouble(),
                c.get("learningRate").asDouble(), c.get("batchSize").asInt(), c.get("epochs").asInt());
    }

    public static List<Double> list(JsonNode run, String key) {
        List<Double> out = new ArrayList<>();
        run.get(key).forEach(v -> out.add(v.asDouble()));
        return out;
    }

    public static double maxAbsDiff(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new AssertionError("lengths differ: " + a.size() + " vs " + b.size());
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.get(i) - b.get(i)));
        }
        return max;
    }

    /** Max |Δ| of the per-step loss between a record and a torch run. */
    /** Asserts a run's losses within {@code tolerance} of the named torch run and its per-epoch accuracies equal. */
    public static void assertMatchesTorch(RunRecord r, String name, double tolerance) {
        org.assertj.core.api.Assertions.assertThat(maxLossDiff(r, name)).as("max |loss diff| vs " + name)
                .isLessThan(tolerance);
        org.assertj.core.api.Assertions.assertThat(r.epochAccuracy).as("epoch accuracies vs " + name)
                .isEqualTo(list(run(name), "epochAccuracy"));
    }

    public static double maxLossDiff(RunRecord r, String name) {
        return maxAbsDiff(r.iterationLoss, list(run(name), "iterationLoss"));
    }
}
