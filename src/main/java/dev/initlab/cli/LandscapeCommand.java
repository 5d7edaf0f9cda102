package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.LandscapeStudy;
import dev.initlab.experiment.Range;
import dev.initlab.experiment.StartGrid;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.report.LandscapeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code landscape}: the loss and its gradient over (w, b), with SGD trajectories drawn on them. */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = "Map the full-data loss and gradient norm over a (w, b) grid for each loss, with SGD paths from "
                + "the fixed start and random inits; write landscape.csv and the maps (PNG, SVG).")
final class LandscapeCommand implements Callable<Integer> {

    @Option(names = "--w", defaultValue = "-20:20", converter = Converters.RangeText.class,
            description = "Range of w, MIN:MAX (default: ${DEFAULT-VALUE}).")
    Range w;

    @Option(names = "--b", defaultValue = "-20:20", converter = Converters.RangeText.class,
            description = "Range of b, MIN:MAX (default: ${DEFAULT-VALUE}).")
    Range b;

    @Option(names = "--resolution", defaultValue = "121", description = "Points per axis (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--loss", split = ",", defaultValue = "mse,bce,xent", converter = Converters.Loss.class,
            description = "Comma-separated losses (default: ${DEFAULT-VALUE}).")
    List<LossKind> losses;

    @Option(names = "--random-init", defaultValue = "xavier", converter = Converters.Init.class,
            description = "Init of the random trajectories (default: ${DEFAULT-VALUE}).")
    InitScheme randomInit;

    @Option(names = "--random-runs", defaultValue = "3",
            description = "Random trajectories per loss, seeds 0.. (default: ${DEFAULT-VALUE}).")
    int randomRuns;

    @Option(names = "--out", defaultValue = "results/landscape", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    StartOptions start;

    @Mixin
    SgdOptions sgd;

    @Override
    public Integer call() {
        StartGrid grid = new StartGrid(w, b, resolution);
        if (randomRuns < 0 || randomRuns > 20) {
            throw new IllegalArgumentException("--random-runs must be between 0 and 20, got " + randomRuns);
        }
        RunConfig base = sgd.toConfig(start, InitScheme.FIXED, losses.get(0), 0);
        AtomicFiles.requireWritableFolder(out);
        runLandscape(grid, losses, base, randomInit, randomRuns, out);
        return 0;
    }

    /** The default landscape grid: 121 x 121 points in [-20, 20]^2. */
    static StartGrid defaultGrid() {
        return new StartGrid(new Range(-20, 20), new Range(-20, 20), 121);
    }

    /** Computes the maps and trajectories, writes the outputs and prints how flat each loss is. */
    static List<LandscapeStudy.LossLandscape> runLandscape(StartGrid grid, List<LossKind> losses, RunConfig base,
            InitScheme randomInit, int randomRuns, Path out) {
        List<LandscapeStudy.LossLandscape> landscapes = LandscapeStudy.run(grid, losses, base, randomInit, randomRuns);
        LandscapeReport.write(out, grid, landscapes);
        for (LandscapeStudy.LossLandscape l : landscapes) {
            System.out.printf("landscape: %-5s %.1f%% of the grid has |∇L| < 1e-3; from (%s, %s) SGD ends with "
                    + "accuracy %.3f%n", l.loss().id(), 100 * LandscapeStudy.flatShare(l, 1e-3), base.w0(), base.b0(),
                    l.trajectories().get(0).accuracy());
        }
        System.out.println("wrote " + out.resolve("landscape.csv") + ", landscape.png, gradient-norm.png and the "
                + "per-loss maps");
        return landscapes;
    }
}
