package dev.initlab.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where and with what a result was made: framework and version, backend, Java, operating system, threads,
 * time. Kept in its own block of every result file so that the rest of the file depends only on the
 * configuration and seed.
 */
public final class Provenance {

    /** The framework name written by this project's DL4J runs. */
    public static final String FRAMEWORK = "deeplearning4j";

    private Provenance() {
    }

    /** Facts about this build and machine, in a stable key order. */
    public static Map<String, Object> current() {
        Properties build = buildProperties();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("framework", FRAMEWORK);
        facts.put("frameworkVersion", build.getProperty("dl4j.version"));
        facts.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        facts.put("tool", "dl4j-init-lab " + build.getProperty("project.version"));
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("cpus", Runtime.getRuntime().availableProcessors());
        facts.put("ompNumThreads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        facts.put("timestamp", Instant.now().toString());
        return facts;
    }

    /** The DL4J version this project is built against. */
    public static String frameworkVersion() {
        return buildProperties().getProperty("dl4j.version");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/dev/initlab/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
