package dev.initlab.frameworks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link RunRecord} in the project's result.json shape (keys in the contract's order). */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static Map<String, Object> toMap(RunRecord r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        RunConfig c = r.config;
        config.put("init", "fixed");
        config.put("w0", c.w0());
        config.put("b0", c.b0());
        config.put("loss", c.loss());
        config.put("learningRate", c.learningRate());
        config.put("batchSize", c.batchSize());
        config.put("epochs", c.epochs());
        config.put("seed", 0);
        config.put("dtype", r.dtype);
        root.put("config", config);
        root.put("initialParams", params(r.initialW, r.initialB));
        root.put("iterationLoss", numbers(r.iterationLoss));
        root.put("iterationW", numbers(r.iterationW));
        root.put("iterationB", numbers(r.iterationB));
        root.put("epochMeanLoss", numbers(r.epochMeanLoss()));
        root.put("epochAccuracy", numbers(r.epochAccuracy));
        root.put("finalParams", params(r.finalW, r.finalB));
        root.put("accuracy", number(r.accuracy));
        root.put("finalLoss", number(r.finalLoss));
        root.put("evaluation", r.evaluation);
        root.put("firstNonFiniteIteration", r.firstNonFiniteIteration());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("framework", r.framework);
        provenance.put("frameworkVersion", r.frameworkVersion);
        provenance.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        provenance.put("cpus", Runtime.getRuntime().availableProcessors());
        provenance.put("passedLearningRate", r.passedLearningRate);
        provenance.put("notes", r.notes);
        root.put("provenance", provenance);
        return root;
    }

    public static void write(RunRecord r, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".result", ".tmp");
            MAPPER.writeValue(tmp.toFile(), toMap(r));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> params(double w, double b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("w", number(w));
        m.put("b", number(b));
        return m;
    }

    private static Object number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return v;
    }

    private static List<Object> numbers(List<Double> values) {
        List<Object> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(number(v)));
        return out;
    }
}
