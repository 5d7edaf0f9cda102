package dev.initlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The speed benchmark: measures in one run, on this machine, (a) the whole-process time and peak RSS of the
 * tutorial run through the launcher against the PyTorch reference script, (b) microseconds per SGD step
 * in-process (JMH) against PyTorch's loop, and (c) against a plain-Java loop of the same maths. Prints
 * medians and ratios. Run with {@code mvn -q -Pbench test-compile exec:exec} after {@code mvn compile}.
 */
public final class BenchmarkSuite {

    private static final int PROCESS_RUNS = 7;
    private static final String PYTHON = "/usr/bin/python3";
    private static final Pattern TIME_LINE = Pattern.compile("^TIME (\\S+) (\\d+)$", Pattern.MULTILINE);

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("many-model")) {
            ManyModelBenchmark.main(args);
            return;
        }
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus, Java " + System.getProperty("java.version"));
        boolean torch = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import torch")).ok();

        double[] jmh = jmhMedians("-Dorg.bytedeco.javacpp.nopointergc=true");
        double dl4jStep = jmh[0] / SgdStepBenchmark.STEPS;
        double plainStep = jmh[1] / SgdStepBenchmark.STEPS;
        double trackedStep = jmhMedians("-Dorg.bytedeco.javacpp.nopointergc=false")[0] / SgdStepBenchmark.STEPS;
        double torchStep = torch ? torchMicrosPerStep() : Double.NaN;

        Path out = Files.createTempDirectory("initlab-bench");
        List<String> launcher = List.of("target/initlab", "run", "--no-chart", "--out", out.toString());
        Measured dl4jProcess = wholeProcess(launcher);
        Measured torchProcess = torch ? wholeProcess(List.of(PYTHON, "reference/torch_bench.py", "--tutorial-only"))
                : new Measured(Double.NaN, Double.NaN);

        System.out.println();
        System.out.println("| measure | DL4J | PyTorch | plain Java | DL4J / PyTorch | DL4J / plain Java |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| µs per SGD step, in-process (median), pointer tracking off (as the CLI "
                + "runs ≤ 60k steps) | %.1f | %.1f | %.3f | %.2f | %.0f |%n",
                dl4jStep, torchStep, plainStep, dl4jStep / torchStep, dl4jStep / plainStep);
        System.out.printf(Locale.ROOT, "| µs per SGD step, in-process (median), pointer tracking on (JavaCPP default) "
                + "| %.1f | %.1f | %.3f | %.2f | %.0f |%n",
                trackedStep, torchStep, plainStep, trackedStep / torchStep, trackedStep / plainStep);
        System.out.printf(Locale.ROOT, "| whole process, tutorial run (median of %d, s) | %.2f | %.2f | | %.2f | |%n",
                PROCESS_RUNS, dl4jProcess.seconds(), torchProcess.seconds(), dl4jProcess.seconds() / torchProcess.seconds());
        System.out.printf(Locale.ROOT, "| peak RSS (median, MiB) | %.0f | %.0f | | %.2f | |%n",
                dl4jProcess.rssMiB(), torchProcess.rssMiB(), dl4jProcess.rssMiB() / torchProcess.rssMiB());
        if (!torch) {
            System.out.println("(PyTorch columns empty: /usr/bin/python3 with torch not found; apt-get install python3-torch)");
        }
    }

    /** Median µs of one tutorial run in a JVM with the given extra option: {DL4J, plain Java}. */
    private static double[] jmhMedians(String jvmOption) throws RunnerException {
        Options options = new OptionsBuilder().include(SgdStepBenchmark.class.getName())
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .forks(1).jvmArgsAppend("-Djava.awt.headless=true", "-Xmx1g", jvmOption).timeUnit(TimeUnit.MICROSECONDS).build();
        Collection<RunResult> results = new Runner(options).run();
        double dl4j = Double.NaN;
        double plain = Double.NaN;
        for (RunResult r : results) {
            double median = r.getPrimaryResult().getStatistics().getPercentile(50);
            if (r.getParams().getBenchmark().endsWith("dl4jTutorialRun")) {
                dl4j = median;
            } else {
                plain = median;
            }
        }
        return new double[] {dl4j, plain};
    }

    private static double torchMicrosPerStep() throws IOException, InterruptedException {
        Outcome o = run(List.of(PYTHON, "reference/torch_bench.py"));
        Matcher m = Pattern.compile("torch_us_per_step (\\S+)").matcher(o.output());
        if (!o.ok() || !m.find()) {
            throw new IllegalStateException("torch_bench.py failed: " + o.output());
        }
        return Double.parseDouble(m.group(1));
    }

    /** Median wall time and peak RSS over several runs of a command, after one warm-up run. */
    private static Measured wholeProcess(List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M"));
        timed.addAll(command);
        run(timed);
        double[] seconds = new double[PROCESS_RUNS];
        double[] rss = new double[PROCESS_RUNS];
        for (int i = 0; i < PROCESS_RUNS; i++) {
            long start = System.nanoTime();
            Outcome o = run(timed);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            Matcher m = TIME_LINE.matcher(o.output());
            if (!o.ok() || !m.find()) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + o.output());
            }
            rss[i] = Long.parseLong(m.group(2)) / 1024.0;
        }
        return new Measured(median(seconds), median(rss));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor() == 0, output);
    }

    private record Outcome(boolean ok, String output) {
    }

    private record Measured(double seconds, double rssMiB) {
    }
}
