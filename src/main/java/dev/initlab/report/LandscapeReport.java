package dev.initlab.report;

import dev.initlab.experiment.LandscapeStudy;
import dev.initlab.experiment.StartGrid;
import dev.initlab.io.AtomicFiles;
import dev.initlab.train.TrainingResult;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the landscape's outputs: {@code landscape.csv} ({@code w,b,loss,value,gradNorm}, one row per point
 * and loss), per loss a map of log10 of the loss with the SGD trajectories drawn on it
 * ({@code landscape-LOSS.png/.svg}) and a map of log10 of the gradient norm ({@code gradient-LOSS.png/.svg}),
 * and the maps of all losses side by side ({@code landscape.png}, {@code gradient-norm.png}).
 */
public final class LandscapeReport {

    private static final Color[] RAMP = {new Color(0x44, 0x01, 0x54), new Color(0x46, 0x32, 0x7e),
            new Color(0x36, 0x5c, 0x8d), new Color(0x27, 0x7f, 0x8e), new Color(0x1f, 0xa1, 0x87),
            new Color(0x4a, 0xc1, 0x6d), new Color(0xa0, 0xda, 0x39), new Color(0xfd, 0xe7, 0x25)};
    private static final Color[] PATHS = {Color.WHITE, new Color(255, 110, 110), new Color(255, 170, 60),
            new Color(120, 200, 255), new Color(230, 120, 230)};

    private LandscapeReport() {
    }

    /** Writes all outputs into {@code folder}. */
    public static void write(Path folder, StartGrid grid, List<LandscapeStudy.LossLandscape> landscapes) {
        double[] w = grid.w0Values();
        double[] b = grid.b0Values();
        AtomicFiles.write(folder.resolve("landscape.csv"), out -> {
            BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("w,b,loss,value,gradNorm\n");
            for (LandscapeStudy.LossLandscape l : landscapes) {
                for (int i = 0; i < w.length; i++) {
                    csv.write(w[i] + "," + b[i] + "," + l.loss().id() + "," + l.surface().loss()[i] + ","
                            + l.surface().gradientNorm(i) + "\n");
                }
            }
            csv.flush();
        });
        List<XYChart> lossCharts = new ArrayList<>();
        List<XYChart> gradientCharts = new ArrayList<>();
        for (LandscapeStudy.LossLandscape l : landscapes) {
            double[] logLoss = new double[w.length];
            double[] logGradient = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                logLoss[i] = Math.log10(Math.max(l.surface().loss()[i], 1e-300));
                logGradient[i] = Math.log10(Math.max(l.surface().gradientNorm(i), 1e-300));
            }
            XYChart lossChart = StartGridChart.of(l.loss().id() + ": log10 of the loss on all 40 points, with SGD paths",
                    "w", "b", grid, logLoss, bands(-4, 1.5));
            drawTrajectories(lossChart, grid, l.trajectories());
            StartGridChart.write(lossChart, grid, folder, "landscape-" + l.loss().id());
            lossCharts.add(lossChart);
            XYChart gradientChart = StartGridChart.of(l.loss().id() + ": log10 of the gradient norm |∇L|", "w", "b",
                    grid, logGradient, bands(-8, 0.5));
            drawTrajectories(gradientChart, grid, l.trajectories().subList(0, 1));
            StartGridChart.write(gradientChart, grid, folder, "gradient-" + l.loss().id());
            gradientCharts.add(gradientChart);
        }
        Charts.writeCombinedPng(lossCharts, folder.resolve("landscape.png"));
        Charts.writeCombinedPng(gradientCharts, folder.resolve("gradient-norm.png"));
    }

    /** Eight colour bands from {@code low} to {@code high}; values outside fall into the end bands. */
    static List<StartGridChart.Band> bands(double low, double high) {
        List<StartGridChart.Band> bands = new ArrayList<>();
        double step = (high - low) / (RAMP.length - 2);
        bands.add(new StartGridChart.Band(String.format(Locale.ROOT, "< %.1f", low), Double.NEGATIVE_INFINITY, low,
                RAMP[0]));
        for (int k = 1; k < RAMP.length - 1; k++) {
            double from = low + (k - 1) * step;
            bands.add(new StartGridChart.Band(String.format(Locale.ROOT, "%.1f to %.1f", from, from + step), from,
                    from + step, RAMP[k]));
        }
        bands.add(new StartGridChart.Band(String.format(Locale.ROOT, "≥ %.1f", high), high, Double.POSITIVE_INFINITY,
                RAMP[RAMP.length - 1]));
        return bands;
    }

    private static void drawTrajectories(XYChart chart, StartGrid grid, List<TrainingResult> runs) {
        for (int r = 0; r < runs.size(); r++) {
            TrainingResult run = runs.get(r);
            List<Double> xs = new ArrayList<>(List.of(run.initialW()));
            List<Double> ys = new ArrayList<>(List.of(run.initialB()));
            for (int i = 0; i < run.iterationW().size(); i++) {
                double pw = run.iterationW().get(i);
                double pb = run.iterationB().get(i);
                if (grid.w0().contains(pw) && grid.b0().contains(pb)) {
                    xs.add(pw);
                    ys.add(pb);
                }
            }
            String label = run.config().init().isFixed()
                    ? String.format(Locale.ROOT, "SGD from (%s, %s)", run.initialW(), run.initialB())
                    : String.format(Locale.ROOT, "SGD from %s seed %d", run.config().init().id(), run.config().seed());
            XYSeries path = chart.addSeries(label, xs, ys);
            path.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            path.setMarker(SeriesMarkers.NONE);
            path.setLineColor(PATHS[r % PATHS.length]);
            path.setLineWidth(2f);
        }
    }
}
