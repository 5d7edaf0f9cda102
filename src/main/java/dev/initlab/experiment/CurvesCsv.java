package dev.initlab.experiment;

import dev.initlab.train.TrainingResult;
import java.util.Locale;

/**
 * The curves of a run as CSV text: {@code iterations.csv} has one row per SGD step
 * ({@code iteration,epoch,loss,w,b}; iteration and epoch count from 1, loss is before the step, w and b after);
 * {@code epochs.csv} has one row per epoch ({@code epoch,meanLoss,accuracy}).
 */
public final class CurvesCsv {

    private CurvesCsv() {
    }

    /** The per-iteration CSV. */
    public static String iterations(TrainingResult result) {
        StringBuilder csv = new StringBuilder("iteration,epoch,loss,w,b\n");
        int perEpoch = result.config().stepsPerEpoch();
        for (int i = 0; i < result.iterationLoss().size(); i++) {
            csv.append(i + 1).append(',').append(i / perEpoch + 1).append(',')
                    .append(number(result.iterationLoss().get(i))).append(',')
                    .append(number(result.iterationW().get(i))).append(',')
                    .append(number(result.iterationB().get(i))).append('\n');
        }
        return csv.toString();
    }

    /** The per-epoch CSV. */
    public static String epochs(TrainingResult result) {
        StringBuilder csv = new StringBuilder("epoch,meanLoss,accuracy\n");
        for (int e = 0; e < result.epochMeanLoss().size(); e++) {
            csv.append(e + 1).append(',').append(number(result.epochMeanLoss().get(e))).append(',')
                    .append(number(result.epochAccuracy().get(e))).append('\n');
        }
        return csv.toString();
    }

    /** A number as Java writes a double (round-trips exactly; NaN and Infinity spelt out). */
    static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
