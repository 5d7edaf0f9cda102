package dev.initlab.report;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.BasinStudy;
import dev.initlab.experiment.StartGrid;
import dev.initlab.io.AtomicFiles;
import dev.initlab.train.ManyModelTrainer;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Writes the basin map's outputs: {@code basin.csv} (one row per start and loss), one accuracy map per loss
 * ({@code basin-LOSS.png/.svg}) with the tutorial's start marked, all maps side by side
 * ({@code basin-accuracy.png}), and {@code basin-summary.md}.
 */
public final class BasinReport {

    /** Accuracy bands of the maps. */
    public static final List<StartGridChart.Band> ACCURACY_BANDS = List.of(
            new StartGridChart.Band("accuracy < 0.6", 0.0, 0.6, new Color(200, 40, 40)),
            new StartGridChart.Band("0.6 to 0.8", 0.6, 0.8, new Color(240, 150, 40)),
            new StartGridChart.Band("0.8 to 0.95", 0.8, BasinStudy.LEARNED, new Color(245, 220, 70)),
            new StartGridChart.Band("0.95 to 1", BasinStudy.LEARNED, 1.0, new Color(140, 200, 120)),
            new StartGridChart.Band("1.0", 1.0, 1.0, new Color(30, 120, 60)));

    private BasinReport() {
    }

    /** Writes all outputs into {@code folder}. */
    public static void write(Path folder, StartGrid grid, ManyModelTrainer.Settings settings,
            List<BasinStudy.LossMap> maps) {
        AtomicFiles.write(folder.resolve("basin.csv"), out -> {
            BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("w0,b0,loss,finalW,finalB,accuracy,finalLoss\n");
            double[] w0 = grid.w0Values();
            double[] b0 = grid.b0Values();
            for (BasinStudy.LossMap map : maps) {
                ManyModelTrainer.Outcome o = map.outcome();
                for (int i = 0; i < w0.length; i++) {
                    csv.write(w0[i] + "," + b0[i] + "," + map.loss().id() + "," + o.finalW()[i] + "," + o.finalB()[i]
                            + "," + o.accuracy()[i] + "," + o.finalLoss()[i] + "\n");
                }
            }
            csv.flush();
        });
        List<XYChart> charts = new ArrayList<>();
        for (BasinStudy.LossMap map : maps) {
            XYChart chart = StartGridChart.of(String.format(Locale.ROOT, "%s: final accuracy (%.1f%% of starts ≥ %.2f)",
                    map.loss().id(), 100 * map.learnedShare(), BasinStudy.LEARNED), "initial w", "initial b", grid,
                    map.outcome().accuracy(), ACCURACY_BANDS);
            if (grid.w0().contains(RunConfig.TUTORIAL_W0) && grid.b0().contains(RunConfig.TUTORIAL_B0)) {
                StartGridChart.markPoint(chart, grid, "tutorial start (-5, -10)", RunConfig.TUTORIAL_W0, RunConfig.TUTORIAL_B0);
            }
            StartGridChart.write(chart, grid, folder, "basin-" + map.loss().id());
            charts.add(chart);
        }
        Charts.writeCombinedPng(charts, folder.resolve("basin-accuracy.png"));
        AtomicFiles.writeString(folder.resolve("basin-summary.md"), summary(grid, settings, maps));
    }

    /** The summary: the share of starts that learn under each loss. */
    public static String summary(StartGrid grid, ManyModelTrainer.Settings settings, List<BasinStudy.LossMap> maps) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Basin of attraction%n%n"
                + "%d x %d starts, w0 in [%s, %s], b0 in [%s, %s]; SGD lr %s, minibatch %d in data order, %d epochs, %s."
                + "%n%n| loss | starts reaching accuracy ≥ %.2f | share | mean final accuracy |%n|---|---:|---:|---:|%n",
                grid.resolution(), grid.resolution(), grid.w0().min(), grid.w0().max(), grid.b0().min(),
                grid.b0().max(), settings.learningRate(), settings.batchSize(), settings.epochs(),
                settings.precision().id(), BasinStudy.LEARNED));
        for (BasinStudy.LossMap map : maps) {
            double[] accuracy = map.outcome().accuracy();
            md.append(String.format(Locale.ROOT, "| %s | %d of %d | %.1f%% | %.3f |%n", map.loss().id(),
                    Math.round(map.learnedShare() * accuracy.length), accuracy.length, 100 * map.learnedShare(),
                    java.util.Arrays.stream(accuracy).average().orElse(Double.NaN)));
        }
        md.append("\n![final accuracy per start](basin-accuracy.png)\n");
        return md.toString();
    }
}
