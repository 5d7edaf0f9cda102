package dev.initlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run read back from a {@code result.json} file of any framework: its configuration block, its curves and
 * end points, and the framework named in its provenance.
 *
 * @param source        where it was read from
 * @param framework     {@code provenance.framework}, or "unknown"
 * @param config        the {@code config} block, key by key as text
 * @param iterationLoss the per-step minibatch losses
 * @param finalW        final w
 * @param finalB        final b
 * @param accuracy      final accuracy
 */
public record RecordedRun(String source, String framework, Map<String, String> config, List<Double> iterationLoss,
        double finalW, double finalB, double accuracy) {

    /** The configuration keys two runs must share to be compared. */
    public static final List<String> CONFIG_KEYS = List.of("init", "w0", "b0", "loss", "learningRate", "batchSize",
            "epochs", "seed", "dtype");

    /**
     * Reads a result file, or one run of a collection such as the PyTorch reference with
     * {@code FILE#RUN_NAME} (a {@code runs} array whose elements have a {@code name}); the message of the
     * exception says what is missing.
     */
    public static RecordedRun read(String location) {
        int hash = location.lastIndexOf('#');
        Path file = Path.of(hash < 0 ? location : location.substring(0, hash));
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        JsonNode root;
        try {
            root = ResultJson.read(file);
        } catch (java.io.UncheckedIOException e) {
            String reason = e.getCause() == null || e.getCause().getMessage() == null ? "unreadable"
                    : e.getCause().getMessage().lines().findFirst().orElse("unreadable");
            throw new IllegalArgumentException(file + " is not readable JSON: " + reason);
        }
        if (hash >= 0) {
            String name = location.substring(hash + 1);
            JsonNode found = null;
            for (JsonNode run : root.path("runs")) {
                if (run.path("name").asText().equals(name)) {
                    found = run;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(file + " has no run named '" + name + "'");
            }
            if (found instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !found.has("provenance")) {
                object.set("provenance", root.path("provenance"));
            }
            return parse(location, found);
        }
        return parse(location, root);
    }

    private static RecordedRun parse(String location, JsonNode root) {
        JsonNode config = root.path("config");
        if (!config.isObject() || !root.path("iterationLoss").isArray() || !root.path("finalParams").isObject()) {
            throw new IllegalArgumentException(location + " is not a result.json (needs config, iterationLoss, finalParams)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : CONFIG_KEYS) {
            JsonNode value = config.path(key);
            values.put(key, value.isMissingNode() || value.isNull() ? "null"
                    : value.isNumber() ? Double.toString(value.asDouble()) : value.asText());
        }
        List<Double> loss = new ArrayList<>();
        root.get("iterationLoss").forEach(v -> loss.add(number(v)));
        return new RecordedRun(location, root.path("provenance").path("framework").asText("unknown"), values,
                List.copyOf(loss), number(root.get("finalParams").path("w")), number(root.get("finalParams").path("b")),
                number(root.path("accuracy")));
    }

    /**
     * The configuration keys whose values differ from {@code other}'s, apart from {@code ignored}. The seed only
     * matters for random initialisations, so it is ignored when both runs start from a fixed point.
     */
    public List<String> differingConfig(RecordedRun other, java.util.Set<String> ignored) {
        List<String> differing = new ArrayList<>();
        boolean bothFixed = "fixed".equals(config.get("init")) && "fixed".equals(other.config.get("init"));
        for (String key : CONFIG_KEYS) {
            if (key.equals("seed") && bothFixed || ignored.contains(key)) {
                continue;
            }
            if (!config.get(key).equals(other.config.get(key))) {
                differing.add(key + " (" + config.get(key) + " vs " + other.config.get(key) + ")");
            }
        }
        return differing;
    }

    private static double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText()); // "NaN", "Infinity"
    }
}
