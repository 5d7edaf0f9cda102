package dev.initlab.report;

import dev.initlab.experiment.CurveComparison;
import dev.initlab.experiment.RecordedRun;
import dev.initlab.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Writes a comparison of runs of one configuration: {@code compare.md} (one row per run against the first)
 * and {@code compare.png} (the loss curves overlaid, and each run's difference from the first).
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /** The table, one row per run after the first, compared with the first. */
    public static String table(RecordedRun baseline, List<RecordedRun> others, List<CurveComparison> comparisons) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Baseline: %s (%s)%n%n"
                + "| run | framework | steps | max \\|Δ loss\\| | mean \\|Δ loss\\| | first step beyond %s | Δ final w | "
                + "Δ final b | Δ accuracy |%n|---|---|---:|---:|---:|---|---:|---:|---:|%n", baseline.source(),
                baseline.framework(), comparisons.isEmpty() ? "0" : brief(comparisons.get(0).tolerance())));
        for (int i = 0; i < others.size(); i++) {
            RecordedRun r = others.get(i);
            CurveComparison c = comparisons.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", r.source(),
                    r.framework(), c.steps(), brief(c.maxAbsDiff()), brief(c.meanAbsDiff()),
                    c.firstPartStep() < 0 ? "none" : "step " + (c.firstPartStep() + 1), brief(c.deltaW()),
                    brief(c.deltaB()), brief(c.deltaAccuracy())));
        }
        return md.toString();
    }

    /** A number to three significant digits without trailing zeros: 0, 0.25, 1.91E-6. */
    static String brief(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toString();
    }

    /** Writes {@code compare.md} and {@code compare.png} into {@code folder}. */
    public static void write(Path folder, RecordedRun baseline, List<RecordedRun> others,
            List<CurveComparison> comparisons) {
        XYChart curves = Charts.lineChart("loss per SGD step", "SGD step", "minibatch loss");
        XYChart differences = Charts.lineChart("difference from " + label(baseline, 0), "SGD step", "loss − baseline loss");
        List<RecordedRun> all = new ArrayList<>(List.of(baseline));
        all.addAll(others);
        for (int i = 0; i < all.size(); i++) {
            double[] loss = Charts.toArray(all.get(i).iterationLoss());
            curves.addSeries(label(all.get(i), i), Charts.oneTo(loss.length), loss);
            if (i > 0) {
                double[] base = Charts.toArray(baseline.iterationLoss());
                int n = Math.min(base.length, loss.length);
                double[] diff = new double[n];
                for (int s = 0; s < n; s++) {
                    diff[s] = loss[s] - base[s];
                }
                differences.addSeries(label(all.get(i), i), Charts.oneTo(n), diff);
            }
        }
        Charts.writeCombinedPng(List.of(curves, differences), folder.resolve("compare.png"));
        AtomicFiles.writeString(folder.resolve("compare.md"), "# Run comparison\n\n"
                + table(baseline, others, comparisons) + "\n![curves and differences](compare.png)\n");
    }

    private static String label(RecordedRun run, int index) {
        return "#" + (index + 1) + " " + run.framework();
    }
}
