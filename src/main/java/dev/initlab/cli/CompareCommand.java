package dev.initlab.cli;

import dev.initlab.experiment.CurveComparison;
import dev.initlab.experiment.RecordedRun;
import dev.initlab.io.AtomicFiles;
import dev.initlab.report.ComparisonReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: how far runs of one configuration (any framework's result.json) are apart. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare result.json files of the same configuration with the first one: per-step loss "
                + "differences, where they part, end points; exit code 1 when --tolerance is exceeded.")
final class CompareCommand implements Callable<Integer> {

    /** Exit code when a difference exceeds the tolerance. */
    static final int EXCEEDED = 1;

    @Parameters(arity = "2..*", paramLabel = "RESULT.json",
            description = "Two or more result files (or FILE#RUN for a run of the PyTorch reference); the first is "
                    + "the baseline.")
    List<String> files;

    @Option(names = "--tolerance", defaultValue = "1e-5",
            description = "Largest accepted |Δ loss| at any step and |Δ| of final w and b (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--ignore", split = ",", paramLabel = "KEY",
            description = "Configuration keys not to align, e.g. dtype to compare a double-precision framework with "
                    + "a float one.")
    List<String> ignored = List.of();

    @Option(names = "--out", description = "Folder for compare.md and compare.png (default: none, print only).")
    Path out;

    @Override
    public Integer call() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance must be a finite number >= 0, got " + tolerance);
        }
        for (String key : ignored) {
            if (!RecordedRun.CONFIG_KEYS.contains(key)) {
                throw new IllegalArgumentException("--ignore: unknown configuration key '" + key + "' (keys: "
                        + String.join(", ", RecordedRun.CONFIG_KEYS) + ")");
            }
        }
        List<RecordedRun> runs = new ArrayList<>();
        for (String file : files) {
            runs.add(RecordedRun.read(file));
        }
        RecordedRun baseline = runs.get(0);
        List<RecordedRun> others = runs.subList(1, runs.size());
        for (RecordedRun other : others) {
            List<String> differing = baseline.differingConfig(other, java.util.Set.copyOf(ignored));
            if (!differing.isEmpty()) {
                throw new IllegalArgumentException("configurations differ between " + baseline.source() + " and "
                        + other.source() + ": " + String.join(", ", differing));
            }
        }
        if (out != null) {
            AtomicFiles.requireWritableFolder(out);
        }
        List<CurveComparison> comparisons = new ArrayList<>();
        boolean exceeded = false;
        for (RecordedRun other : others) {
            CurveComparison c = CurveComparison.of(other.iterationLoss(), baseline.iterationLoss(), tolerance)
                    .withEndPoints(other.finalW() - baseline.finalW(), other.finalB() - baseline.finalB(),
                            other.accuracy() - baseline.accuracy());
            comparisons.add(c);
            exceeded |= !(c.maxAbsDiff() <= tolerance) || !(Math.abs(c.deltaW()) <= tolerance)
                    || !(Math.abs(c.deltaB()) <= tolerance) || c.deltaAccuracy() != 0
                    || other.iterationLoss().size() != baseline.iterationLoss().size();
        }
        System.out.print(ComparisonReport.table(baseline, others, comparisons));
        if (out != null) {
            ComparisonReport.write(out, baseline, others, comparisons);
            System.out.println("wrote " + out.resolve("compare.md") + ", compare.png");
        }
        if (exceeded) {
            System.err.println("initlab: runs differ by more than the tolerance " + tolerance);
            return EXCEEDED;
        }
        return 0;
    }
}
