package dev.initlab.report;

import dev.initlab.config.RunConfig;
import dev.initlab.train.TrainingResult;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The loss curve of one run: every minibatch loss, and each epoch's mean placed at the epoch's last step. */
public final class LossCurveChart {

    private LossCurveChart() {
    }

    /** The chart for a run, titled with its configuration. */
    public static XYChart of(TrainingResult result) {
        XYChart chart = Charts.lineChart(title(result.config()), "SGD step", "loss");
        double[] loss = Charts.toArray(result.iterationLoss());
        chart.addSeries("minibatch loss (before step)", Charts.oneTo(loss.length), loss);
        int perEpoch = result.config().stepsPerEpoch();
        double[] epochEnd = new double[result.epochMeanLoss().size()];
        for (int e = 0; e < epochEnd.length; e++) {
            epochEnd[e] = (double) (e + 1) * perEpoch;
        }
        XYSeries mean = chart.addSeries("epoch mean loss", epochEnd, Charts.toArray(result.epochMeanLoss()));
        mean.setLineWidth(2.5f);
        return chart;
    }

    /** A one-line description of a configuration, for titles and legends. */
    public static String title(RunConfig c) {
        String start = c.init().isFixed()
                ? String.format(Locale.ROOT, "fixed w0=%s b0=%s", trim(c.w0()), trim(c.b0()))
                : c.init().id() + " seed " + c.seed();
        return String.format(Locale.ROOT, "%s, %s, SGD lr %s, batch %d, %d epochs, %s", start, c.loss().id(),
                trim(c.learningRate()), c.batchSize(), c.epochs(), c.precision().id());
    }

    private static String trim(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
