package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.report.LossCurveChart;
import dev.initlab.experiment.GridSpec;
import dev.initlab.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** What the commands print; all terminal wording lives here. */
final class Console {

    private Console() {
    }

    /** After {@code run}: the configuration, start and end, and where the files went. */
    static void printRunSummary(TrainingResult r, Path out) {
        PrintStream o = System.out;
        o.println("run: " + LossCurveChart.title(r.config()));
        o.printf(Locale.ROOT, "initial weights: w = %s, b = %s%n", (float) r.initialW(), (float) r.initialB());
        o.printf(Locale.ROOT, "first loss %s, last loss %s%n", r.iterationLoss().get(0),
                r.iterationLoss().get(r.iterationLoss().size() - 1));
        o.printf(Locale.ROOT, "final weights: w = %s, b = %s%n", (float) r.finalW(), (float) r.finalB());
        o.printf(Locale.ROOT, "accuracy: %s%n", r.accuracy());
        printDivergence(r);
        o.println("wrote " + out.resolve("result.json") + " and the curves beside it");
    }

    /** The tutorial's own printout: initial weights, each epoch's loss, Done!, accuracy. */
    static void printTutorial(TrainingResult r) {
        PrintStream o = System.out;
        RunConfig c = r.config();
        o.println("The tutorial's bad start in DL4J: " + LossCurveChart.title(c));
        o.printf(Locale.ROOT, "initial weights: w = %s, b = %s%n", (float) r.initialW(), (float) r.initialB());
        int perEpoch = c.stepsPerEpoch();
        for (int e = 0; e < c.epochs(); e++) {
            double last = r.iterationLoss().get((e + 1) * perEpoch - 1);
            o.printf(Locale.ROOT, "epoch = %d, loss = %s   (last minibatch, as the tutorial prints; epoch mean %s)%n",
                    e, (float) last, (float) r.epochMeanLoss().get(e).doubleValue());
        }
        o.println("Done!");
        o.printf(Locale.ROOT, "final weights: w = %s, b = %s%n", (float) r.finalW(), (float) r.finalB());
        o.printf(Locale.ROOT, "accuracy: %s%n", r.accuracy());
        printDivergence(r);
    }

    /** One line per finished grid run. */
    static void printGridProgress(PrintStream o, int done, int total, TrainingResult r) {
        o.printf(Locale.ROOT, "[%2d/%d] %-24s accuracy %.3f  final (w, b) = (%.4g, %.4g)%n", done, total,
                GridSpec.runName(r.config()), r.accuracy(), r.finalW(), r.finalB());
        printDivergence(r);
    }

    private static void printDivergence(TrainingResult r) {
        if (r.diverged()) {
            int i = r.firstNonFiniteIteration().getAsInt();
            System.err.printf(Locale.ROOT, "initlab: warning: the run diverged: iteration %d (of %d) is the first "
                    + "with a non-finite loss or parameter (loss %s, w %s, b %s); the result is written anyway%n",
                    i + 1, r.iterationLoss().size(), r.iterationLoss().get(i), r.iterationW().get(i),
                    r.iterationB().get(i));
        }
    }
}
