package dev.initlab.report;

import dev.initlab.io.AtomicFiles;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Shared chart construction and PNG/SVG output, so every figure of the project looks and saves alike. */
public final class Charts {

    /** Default figure width in pixels. */
    public static final int WIDTH = 900;
    /** Default figure height in pixels. */
    public static final int HEIGHT = 520;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** An empty line chart with the project's style and default size. */
    public static XYChart lineChart(String title, String xTitle, String yTitle) {
        return lineChart(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    /** An empty line chart with the project's style and the given size in pixels. */
    public static XYChart lineChart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** Writes {@code base.png} and {@code base.svg} into {@code folder}, each atomically. */
    public static void writePngAndSvg(XYChart chart, Path folder, String base) {
        writePng(chart, folder, base);
        AtomicFiles.write(folder.resolve(base + ".svg"),
                out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    /** Writes {@code base.png} into {@code folder}, atomically. */
    public static void writePng(XYChart chart, Path folder, String base) {
        AtomicFiles.write(folder.resolve(base + ".png"),
                out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Writes several charts side by side into one PNG, atomically. */
    public static void writeCombinedPng(List<XYChart> charts, Path file) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(charts, 1, charts.size(), out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    /** Iteration numbers 1..n as chart x values. */
    public static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** A list of boxed doubles as a primitive array (non-finite values are kept; XChart skips NaN). */
    public static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
