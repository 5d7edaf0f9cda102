package dev.initlab.report;

import dev.initlab.experiment.BasinStudy;
import dev.initlab.experiment.GridCell;
import dev.initlab.experiment.LandscapeStudy;
import dev.initlab.io.AtomicFiles;
import dev.initlab.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The default job's front page, {@code report.md} and {@code report.html} in the output folder: the tutorial's
 * run, the comparison grid, the loss landscape and the basin map, each with its figure and numbers and a link
 * to its own folder.
 */
public final class LabReport {

    private LabReport() {
    }

    /** Writes the front page into {@code folder}, whose sub-folders hold the four studies' files. */
    public static void write(Path folder, TrainingResult tutorial, List<GridCell> grid,
            List<LandscapeStudy.LossLandscape> landscapes, List<BasinStudy.LossMap> basin) {
        StringBuilder md = new StringBuilder("# Weight initialisation lab: results\n\n");
        md.append(String.format(Locale.ROOT, "## 1. The tutorial's bad start%n%nLogistic regression on 40 points from "
                + "(w, b) = (%s, %s), MSE, SGD lr %s, minibatch %d, %d epochs: accuracy **%s**, final (w, b) = "
                + "(%s, %s). [Files](tutorial/)%n%n![loss curve](tutorial/loss-curve.png)%n%n",
                tutorial.initialW(), tutorial.initialB(), tutorial.config().learningRate(),
                tutorial.config().batchSize(), tutorial.config().epochs(), tutorial.accuracy(),
                (float) tutorial.finalW(), (float) tutorial.finalB()));
        md.append("## 2. Initialisation × loss\n\n").append(GridReport.summaryTable(grid))
                .append("\n![loss curves](grid/grid-loss-curves.png)\n\n[The grid's own report](grid/report.html)\n\n");
        md.append("## 3. The loss landscape\n\n| loss | share of the (w, b) grid with \\|∇L\\| < 1e-3 |\n|---|---:|\n");
        for (LandscapeStudy.LossLandscape l : landscapes) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", l.loss().id(),
                    100 * LandscapeStudy.flatShare(l, 1e-3)));
        }
        md.append("\n![loss landscapes with SGD paths](landscape/landscape.png)\n\n"
                + "![gradient norms](landscape/gradient-norm.png)\n\n[Files](landscape/)\n\n");
        md.append("## 4. The basin of attraction\n\n| loss | starts reaching accuracy ≥ 0.95 |\n|---|---:|\n");
        for (BasinStudy.LossMap map : basin) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", map.loss().id(), 100 * map.learnedShare()));
        }
        md.append("\n![final accuracy per start](basin/basin-accuracy.png)\n\n[Files](basin/)\n");
        AtomicFiles.writeString(folder.resolve("report.md"), md.toString());
        AtomicFiles.writeString(folder.resolve("report.html"), HtmlPage.of("Weight initialisation lab", md.toString()));
    }
}
