package dev.initlab.report;

import dev.initlab.experiment.CurveComparison;
import dev.initlab.experiment.GridCell;
import dev.initlab.experiment.GridSpec;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.train.TrainingResult;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Writes the comparison grid's outputs: every run's files under {@code runs/NAME/}, {@code summary.csv},
 * one loss-curve figure per loss ({@code curves-LOSS.png/.svg}), all of them side by side
 * ({@code grid-loss-curves.png}), and the report as {@code report.md} and {@code report.html}.
 */
public final class GridReport {

    private static final Color[] PALETTE = {new Color(200, 30, 30), new Color(30, 90, 200),
            new Color(20, 150, 60), new Color(230, 140, 0), new Color(130, 50, 170), new Color(90, 90, 90)};

    private GridReport() {
    }

    /** Writes all grid outputs into {@code folder}. */
    public static void write(Path folder, GridSpec spec, List<TrainingResult> results, List<GridCell> cells,
            Map<String, Object> provenance) {
        for (TrainingResult r : results) {
            RunFiles.write(folder.resolve("runs").resolve(GridSpec.runName(r.config())), r, provenance, false);
        }
        AtomicFiles.writeString(folder.resolve("summary.csv"), summaryCsv(cells));
        List<XYChart> charts = new ArrayList<>();
        for (LossKind loss : spec.losses()) {
            XYChart chart = curvesChart(spec, results, loss);
            Charts.writePngAndSvg(chart, folder, "curves-" + loss.id());
            charts.add(chart);
        }
        Charts.writeCombinedPng(charts, folder.resolve("grid-loss-curves.png"));
        String markdown = markdown(spec, results, cells, provenance);
        AtomicFiles.writeString(folder.resolve("report.md"), markdown);
        AtomicFiles.writeString(folder.resolve("report.html"), HtmlPage.of("Weight initialisation × loss", markdown));
    }

    /** The summary table as CSV, one row per (init, loss). */
    public static String summaryCsv(List<GridCell> cells) {
        StringBuilder csv = new StringBuilder("init,loss,runs,accuracyMean,accuracySd,finalLossMean,perfectRuns,"
                + "firstPerfectEpochMean,finalWMean,finalBMean,divergedRuns\n");
        for (GridCell c : cells) {
            csv.append(String.join(",", c.init().id(), c.loss().id(), Integer.toString(c.runs()),
                    Double.toString(c.accuracyMean()), Double.toString(c.accuracySd()),
                    Double.toString(c.finalLossMean()), Integer.toString(c.perfectRuns()),
                    c.firstPerfectEpoch().isPresent() ? Double.toString(c.firstPerfectEpoch().getAsDouble()) : "",
                    Double.toString(c.finalWMean()), Double.toString(c.finalBMean()),
                    Integer.toString(c.divergedRuns()))).append('\n');
        }
        return csv.toString();
    }

    /** The summary table as Markdown. */
    public static String summaryTable(List<GridCell> cells) {
        StringBuilder md = new StringBuilder("| init | loss | runs | final accuracy (mean ± sd) | final loss (mean) "
                + "| runs reaching 1.0 | first epoch at 1.0 (mean) | final w (mean) | final b (mean) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (GridCell c : cells) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f ± %.3f | %.4g | %d/%d | %s | %.4g | %.4g |%n",
                    c.init().id(), c.loss().id(), c.runs(), c.accuracyMean(), c.accuracySd(), c.finalLossMean(),
                    c.perfectRuns(), c.runs(), c.firstPerfectEpoch().isPresent()
                            ? String.format(Locale.ROOT, "%.1f", c.firstPerfectEpoch().getAsDouble()) : "never",
                    c.finalWMean(), c.finalBMean()));
        }
        return md.toString();
    }

    /** The epoch-mean loss of every run under one loss, one colour per initialisation. */
    static XYChart curvesChart(GridSpec spec, List<TrainingResult> results, LossKind loss) {
        XYChart chart = Charts.lineChart("Loss " + loss.id() + ": epoch mean loss per run", "epoch",
                "mean minibatch loss");
        Map<String, Color> colours = new LinkedHashMap<>();
        for (InitScheme init : spec.inits()) {
            colours.put(init.id(), PALETTE[colours.size() % PALETTE.length]);
        }
        Map<String, Boolean> shown = new LinkedHashMap<>();
        for (TrainingResult r : results) {
            if (r.config().loss() != loss) {
                continue;
            }
            String init = r.config().init().id();
            String label = init.equals(InitScheme.FIXED_ID)
                    ? String.format(Locale.ROOT, "fixed (%s, %s)", r.config().w0(), r.config().b0())
                    : init + " (" + spec.seeds() + " seeds)";
            double[] mean = Charts.toArray(r.epochMeanLoss());
            XYSeries series = chart.addSeries(GridSpec.runName(r.config()), Charts.oneTo(mean.length), mean);
            series.setLineColor(colours.get(init));
            series.setLineWidth(init.equals(InitScheme.FIXED_ID) ? 3f : 1.2f);
            series.setShowInLegend(shown.putIfAbsent(init, true) == null);
            if (series.isShowInLegend()) {
                series.setLabel(label);
            }
        }
        return chart;
    }

    private static String markdown(GridSpec spec, List<TrainingResult> results, List<GridCell> cells,
            Map<String, Object> provenance) {
        StringBuilder md = new StringBuilder();
        md.append("# Weight initialisation × loss: the comparison grid\n\n");
        md.append(String.format(Locale.ROOT, "Logistic regression `sigmoid(w·x + b)` on the tutorial's 40 points, "
                + "trained with plain SGD (lr %s, minibatch %d in data order, %d epochs, %s) in Deeplearning4j %s. "
                + "Random initialisations use seeds %d–%d and start the bias at 0; the fixed start is "
                + "(w, b) = (%s, %s).%n%n", spec.base().learningRate(), spec.base().batchSize(), spec.base().epochs(),
                spec.base().precision().id(), provenance.get("frameworkVersion"), spec.firstSeed(),
                spec.firstSeed() + spec.seeds() - 1, spec.base().w0(), spec.base().b0()));
        md.append("## Summary\n\n").append(summaryTable(cells)).append('\n');
        md.append("*final loss* is the loss of the final model over all 40 points; *first epoch at 1.0* is the first "
                + "epoch after which every point is classified correctly, averaged over the runs that got there.\n\n");
        md.append("## Loss curves\n\n![Epoch mean loss of every run, one panel per loss](grid-loss-curves.png)\n\n");
        md.append("Each panel has one line per run; the thick line is the fixed start. Per-loss figures: ");
        for (LossKind loss : spec.losses()) {
            md.append("[").append(loss.id()).append("](curves-").append(loss.id()).append(".svg) ");
        }
        md.append("(SVG).\n\n");
        fixedStartStory(results).ifPresent(md::append);
        xentVersusBce(results).ifPresent(md::append);
        md.append("## Files\n\n`summary.csv` holds the table above; `runs/NAME/result.json` holds each run "
                + "(configuration, every minibatch loss, w and b after every step, per-epoch mean loss and "
                + "accuracy, final figures, provenance); `runs/NAME/iterations.csv` and `epochs.csv` hold the "
                + "same curves as CSV.\n");
        return md.toString();
    }

    private static Optional<String> fixedStartStory(List<TrainingResult> results) {
        StringBuilder md = new StringBuilder();
        double w0 = Double.NaN;
        double b0 = Double.NaN;
        for (TrainingResult r : results) {
            if (r.config().init().isFixed()) {
                w0 = r.config().w0();
                b0 = r.config().b0();
                md.append(String.format(Locale.ROOT, "- **%s**: accuracy %.3f, final (w, b) = (%.8g, %.8g), first "
                        + "minibatch loss %.8g.%n", r.config().loss().id(), r.accuracy(), r.finalW(), r.finalB(),
                        r.iterationLoss().get(0)));
            }
        }
        if (md.isEmpty()) {
            return Optional.empty();
        }
        double largestPositiveP = SaturationFacts.largestPositiveProbability(w0, b0);
        return Optional.of(String.format(Locale.ROOT, "## The fixed start (%s, %s)%n%nAt this start the largest "
                + "predicted probability on any positive point is p = %.3g. For such a point the MSE gradient "
                + "with respect to the pre-activation, 2·(p − y)·p·(1 − p), is about −2p, so the positives barely "
                + "pull; cross-entropy's gradient p − y stays near −1 and the model learns.%n%n", w0, b0,
                largestPositiveP) + md + "\n");
    }

    private static Optional<String> xentVersusBce(List<TrainingResult> results) {
        List<String> lines = new ArrayList<>();
        for (TrainingResult xent : results) {
            if (xent.config().loss() != LossKind.XENT) {
                continue;
            }
            for (TrainingResult bce : results) {
                if (bce.config().equals(xent.config().withLoss(LossKind.BCE))) {
                    CurveComparison c = CurveComparison.of(xent, bce, 1e-5);
                    lines.add(String.format(Locale.ROOT, "| %s | %.3g | step %d | %s | %.3g | %.3g |",
                            GridSpec.runName(xent.config()).replace("-xent", ""), c.maxAbsDiff(),
                            c.maxAbsDiffStep() + 1, c.firstPartStep() < 0 ? "never" : "step " + (c.firstPartStep() + 1),
                            c.deltaW(), c.deltaB()));
                }
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("## DL4J's XENT is not PyTorch's BCELoss\n\nDL4J's `LossFunction.XENT` clips p to "
                + "[1e-5, 1 − 1e-5] in the score and in the gradient; `bce` is this project's port of "
                + "`torch.nn.BCELoss` (log clamped at −100, no clip of p). They agree while predictions are "
                + "not saturated and part where p leaves the clip range.\n\n"
                + "| run | max abs loss difference | at | first difference > 1e-5 | Δ final w | Δ final b |\n"
                + "|---|---:|---|---|---:|---:|\n" + String.join("\n", lines) + "\n\n");
    }
}
