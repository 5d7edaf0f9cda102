// Shared set-up for the initlab notebooks. Load it in the first code cell with:
//     %load setup.jsh
// (the path is relative to the kernel's working directory, which is the notebook's folder).
// Keep this file free of heavy work: every notebook runs it.

// The kernel's own start-up imports (java.util.*, java.io.*, ... and the static import of
// Global.display) form one JShell snippet; importing one of those packages again replaces that
// snippet and silently drops `display`. Re-import `display` on its own first, so that any import
// in a notebook (e.g. `import java.util.*;`) is harmless.
import static org.rapaio.jupyter.kernel.global.Global.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.*;

import com.fasterxml.jackson.databind.JsonNode;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import dev.initlab.config.*;
import dev.initlab.data.*;
import dev.initlab.model.*;
import dev.initlab.train.*;
import dev.initlab.experiment.*;
import dev.initlab.report.*;

/** True when INITLAB_NOTEBOOK_QUICK=1: notebooks should shrink their workloads (CI, tests). */
boolean QUICK = "1".equals(System.getenv("INITLAB_NOTEBOOK_QUICK"));

/** Pick the full-size or the quick value of a workload parameter. */
int quickOr(int full, int quick) { return QUICK ? quick : full; }

/** Absolute path of the project root (set by the kernel spec), for reading project files. */
String PROJECT_DIR = Objects.requireNonNullElse(System.getenv("INITLAB_PROJECT_DIR"), "..");

/**
 * Print a value the test suite can verify: one line "CHECK key=value".
 * Doubles are printed with Double.toString, i.e. with full round-trip precision.
 */
void check(String key, Object value) {
    if (!key.matches("[A-Za-z0-9_.\\-/]+")) {
        throw new IllegalArgumentException("CHECK key must match [A-Za-z0-9_.-/]+: " + key);
    }
    System.out.println("CHECK " + key + "=" + value);
}

/** A line chart with the lab's default size and style. */
XYChart xyChart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(640).height(400)
            .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(0);
    return chart;
}

/**
 * XChart puts the x ticks of an XYChart on the data points themselves when the x values of all series, in the
 * order they were added, are equally spaced (e.g. steps 1..1000): it then packs as many labels as fit, giving
 * crowded axes such as "1 35 69 103 ..." or labels like "-0.000000005960465". One hidden single-point series
 * (no line, no marker, no legend entry, inside the existing x and y ranges) breaks the equal spacing, and XChart
 * falls back to its ordinary round-number ticks. Applied by show() and showRow(); idempotent.
 */
void tidyTicks(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    if (!(chart instanceof XYChart xy) || xy.getSeriesMap().containsKey(" tick-fix")) {
        return;
    }
    for (XYSeries s : xy.getSeriesMap().values()) {
        double[] xs = s.getXData();
        double[] ys = s.getYData();
        for (int i = 0; i + 1 < xs.length; i++) {
            boolean usable = Double.isFinite(ys[i]) && (ys[i] > 0 || !xy.getStyler().isYAxisLogarithmic());
            if (usable && xs[i + 1] != xs[i]) {
                XYSeries fix = xy.addSeries(" tick-fix", new double[] {(xs[i] + xs[i + 1]) / 2}, new double[] {ys[i]});
                fix.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                fix.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                fix.setShowInLegend(false);
                return;
            }
        }
    }
}

/** Render any XChart chart as a PNG image inline in the notebook (output type image/png). */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    tidyTicks(chart);
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    org.rapaio.jupyter.kernel.global.Global.display(image);
}

/** Render several charts side by side as one inline PNG (e.g. one panel per loss). */
void showRow(org.knowm.xchart.internal.chartpart.Chart<?, ?>... charts) {
    for (var chart : charts) {
        tidyTicks(chart);
    }
    List<BufferedImage> images = Arrays.stream(charts).map(BitmapEncoder::getBufferedImage).toList();
    int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
    int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
    BufferedImage row = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = row.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int x = 0;
    for (BufferedImage image : images) {
        g.drawImage(image, x, 0, null);
        x += image.getWidth();
    }
    g.dispose();
    org.rapaio.jupyter.kernel.global.Global.display(row);
}

/**
 * Display Markdown (e.g. a table from GridReport.summaryTable) rendered: the output carries text/html
 * (GitHub tables extension), text/markdown and, as a fallback, the Markdown source as text/plain.
 */
void markdown(String md) {
    var extensions = List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
    String html = org.commonmark.renderer.html.HtmlRenderer.builder().extensions(extensions).build()
            .render(org.commonmark.parser.Parser.builder().extensions(extensions).build().parse(md));
    var data = org.rapaio.jupyter.kernel.display.DisplayData.fromText(md);
    data.putData(org.rapaio.jupyter.kernel.display.MimeType.MARKDOWN, md);
    data.putHTML(html);
    data.setDisplayId(UUID.randomUUID().toString());
    org.rapaio.jupyter.kernel.MainApp.kernel.display(data);
}

/** A list of boxed doubles (e.g. TrainingResult.iterationLoss()) as an array, for charts. */
double[] doubles(List<Double> values) {
    return dev.initlab.report.Charts.toArray(values);
}

/** The numbers of a JSON array (e.g. a run's "iterationLoss" in the PyTorch reference). */
double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).asDouble();
    }
    return values;
}

/** 1, 2, ..., n: x values for per-step or per-epoch curves. */
double[] oneTo(int n) {
    return dev.initlab.report.Charts.oneTo(n);
}
