package dev.initlab.bench;

import dev.initlab.config.RunConfig;
import dev.initlab.data.TutorialData;
import dev.initlab.model.LossKind;
import dev.initlab.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The many-model trainer's benchmark: amortised µs per model-step of {@code initlab basin} (MSE and BCE, the
 * tutorial's SGD) at 101², 201² and 401² starts with the process's peak RSS, against one-at-a-time
 * MultiLayerNetwork runs and the plain-Java loop, measured in one run. Run with
 * {@code mvn -q -Pbench test-compile exec:exec -Dinitlab.args=many-model} after {@code mvn compile}.
 */
public final class ManyModelBenchmark {

    private static final Pattern PER_STEP = Pattern.compile("trained in (\\S+) s: (\\S+) µs per model-step");
    private static final Pattern TIME = Pattern.compile("^TIME (\\S+) (\\d+)$", Pattern.MULTILINE);

    private ManyModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.bytedeco.javacpp.nopointergc", "true"); // the fastest one-at-a-time setting
        double single = medianMicrosPerStepSingle();
        double plain = medianMicrosPerStepPlain();
        System.out.println("| starts | µs per model-step (amortised) | vs one-at-a-time DL4J | vs plain Java | basin wall time (s) | peak RSS (MiB) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int resolution : new int[] {101, 201, 401}) {
            Path out = Files.createTempDirectory("initlab-basin");
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/time", "-f", "TIME %e %M", "target/initlab", "basin",
                    "--resolution", Integer.toString(resolution), "--out", out.toString()).redirectErrorStream(true);
            builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher step = PER_STEP.matcher(output);
            Matcher time = TIME.matcher(output);
            if (p.waitFor() != 0 || !step.find() || !time.find()) {
                throw new IllegalStateException("basin failed: " + output);
            }
            double perModelStep = Double.parseDouble(step.group(2));
            System.out.printf(Locale.ROOT, "| %d² = %,d | %.3f | %.0fx faster | %.1fx slower | %s | %.0f |%n", resolution,
                    resolution * resolution, perModelStep, single / perModelStep, perModelStep / plain, time.group(1),
                    Long.parseLong(time.group(2)) / 1024.0);
        }
        System.out.printf(Locale.ROOT, "one-at-a-time MultiLayerNetwork (MSE, median of 9): %.1f µs/step; plain Java "
                + "loop (median of 201): %.4f µs/step%n", single, plain);
    }

    private static double medianMicrosPerStepSingle() {
        double[] times = new double[12];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            Trainer.train(RunConfig.tutorial(LossKind.MSE));
            times[i] = (System.nanoTime() - start) / 1e3 / 1000;
        }
        return median(Arrays.copyOfRange(times, 3, times.length));
    }

    private static double medianMicrosPerStepPlain() {
        float[] x = TutorialData.inputs();
        float[] y = TutorialData.labels();
        float[] losses = new float[1000];
        double[] times = new double[301];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            PlainJavaSgd.trainMse(x, y, -5f, -10f, 2f, 2, 50, losses);
            times[i] = (System.nanoTime() - start) / 1e3 / 1000;
        }
        return median(Arrays.copyOfRange(times, 100, times.length));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
