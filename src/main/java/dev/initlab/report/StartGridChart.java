package dev.initlab.report;

import dev.initlab.experiment.StartGrid;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A heat map over a grid of (w, b) points drawn as an XChart scatter of square markers, one series per colour
 * band, so that starting points and trajectories can be drawn on top as ordinary series.
 */
public final class StartGridChart {

    /**
     * A colour band: values in [from, to) (to inclusive for the last band) get {@code colour}.
     *
     * @param label  legend text
     * @param from   lower bound, inclusive
     * @param to     upper bound, exclusive
     * @param colour fill colour
     */
    public record Band(String label, double from, double to, Color colour) {
    }

    /** Largest grid resolution whose maps are also written as SVG (one vector square per point). */
    public static final int MAX_SVG_RESOLUTION = 251;

    private StartGridChart() {
    }

    /** Writes {@code base.png}, and {@code base.svg} when the grid is small enough for a vector file. */
    public static void write(XYChart chart, StartGrid grid, java.nio.file.Path folder, String base) {
        if (grid.resolution() <= MAX_SVG_RESOLUTION) {
            Charts.writePngAndSvg(chart, folder, base);
        } else {
            Charts.writePng(chart, folder, base);
        }
    }

    /** The chart of {@code values} (grid order of {@code grid}) coloured by {@code bands}. */
    public static XYChart of(String title, String xTitle, String yTitle, StartGrid grid, double[] values,
            List<Band> bands) {
        XYChart chart = Charts.lineChart(title, xTitle, yTitle, 840, 600);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        // markers a little larger than a cell, so that the squares meet without gaps
        chart.getStyler().setMarkerSize(Math.max(2, (int) Math.ceil(600.0 / grid.resolution())));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(grid.w0().min());
        chart.getStyler().setXAxisMax(grid.w0().max());
        chart.getStyler().setYAxisMin(grid.b0().min());
        chart.getStyler().setYAxisMax(grid.b0().max());
        double[] w = grid.w0Values();
        double[] b = grid.b0Values();
        for (int k = 0; k < bands.size(); k++) {
            Band band = bands.get(k);
            boolean last = k == bands.size() - 1;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] >= band.from() && (values[i] < band.to() || last && values[i] <= band.to())) {
                    xs.add(w[i]);
                    ys.add(b[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(band.label(), xs, ys);
            series.setMarker(SeriesMarkers.SQUARE);
            series.setMarkerColor(band.colour());
        }
        return chart;
    }

    /**
     * Marks one point with a large black cross (two thick strokes, 4 % of each axis long, since XChart sizes
     * all markers of a chart alike) and a legend entry.
     */
    public static void markPoint(XYChart chart, StartGrid grid, String label, double w, double b) {
        double dw = 0.04 * (grid.w0().max() - grid.w0().min());
        double db = 0.04 * (grid.b0().max() - grid.b0().min());
        XYSeries across = chart.addSeries(label, new double[] {w - dw, w + dw}, new double[] {b - db, b + db});
        XYSeries down = chart.addSeries(label + " ", new double[] {w - dw, w + dw}, new double[] {b + db, b - db});
        for (XYSeries stroke : List.of(across, down)) {
            stroke.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            stroke.setMarker(SeriesMarkers.NONE);
            stroke.setLineColor(Color.BLACK);
            stroke.setLineWidth(3.5f);
        }
        down.setShowInLegend(false);
    }
}
