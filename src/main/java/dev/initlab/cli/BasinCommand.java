package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.BasinStudy;
import dev.initlab.experiment.Range;
import dev.initlab.experiment.StartGrid;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.LossKind;
import dev.initlab.report.BasinReport;
import dev.initlab.train.ManyModelTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basin}: which starting points (w0, b0) learn under each loss, for a whole grid of them. */
@Command(name = "basin", mixinStandardHelpOptions = true,
        description = "Train from every (w0, b0) of a grid under each loss (many models at once); write basin.csv, "
                + "basin-LOSS.png/.svg, basin-accuracy.png and basin-summary.md.")
final class BasinCommand implements Callable<Integer> {

    @Option(names = "--w0", defaultValue = "-20:20", converter = Converters.RangeText.class,
            description = "Range of the initial weight, MIN:MAX (default: ${DEFAULT-VALUE}).")
    Range w0;

    @Option(names = "--b0", defaultValue = "-20:20", converter = Converters.RangeText.class,
            description = "Range of the initial bias, MIN:MAX (default: ${DEFAULT-VALUE}).")
    Range b0;

    @Option(names = "--resolution", defaultValue = "201",
            description = "Points per axis, ends included (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--loss", split = ",", defaultValue = "mse,bce", converter = Converters.Loss.class,
            description = "Comma-separated losses (default: ${DEFAULT-VALUE}).")
    List<LossKind> losses;

    @Option(names = "--out", defaultValue = "results/basin", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SgdOptions sgd;

    @Override
    public Integer call() {
        StartGrid grid = new StartGrid(w0, b0, resolution);
        ManyModelTrainer.Settings settings = new ManyModelTrainer.Settings(losses.get(0), sgd.learningRate,
                sgd.batchSize, sgd.epochs, sgd.precision);
        AtomicFiles.requireWritableFolder(out);
        runBasin(grid, losses, settings, out);
        return 0;
    }

    /** Trains the map with a progress bar on stderr, writes its outputs and prints the summary. */
    static List<BasinStudy.LossMap> runBasin(StartGrid grid, List<LossKind> losses, ManyModelTrainer.Settings settings,
            Path out) {
        long total = BasinStudy.modelSteps(grid, losses, settings);
        System.out.printf("basin: %d starts x %d losses x %d steps = %,d model-steps%n", grid.size(), losses.size(),
                settings.steps(), total);
        long started = System.nanoTime();
        List<BasinStudy.LossMap> maps;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("training").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" M model-steps", 1_000_000).showSpeed()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            maps = BasinStudy.run(grid, losses, settings, bar::stepBy);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BasinReport.write(out, grid, settings, maps);
        System.out.printf("trained in %.1f s: %.3f µs per model-step%n", seconds, seconds * 1e6 / total);
        System.out.print(BasinReport.summary(grid, settings, maps).lines()
                .filter(l -> l.startsWith("|")).reduce("", (a, b) -> a + b + "\n"));
        System.out.println("wrote " + out.resolve("basin.csv") + ", basin-accuracy.png, basin-summary.md");
        return maps;
    }

    /** The tutorial's SGD settings for the map (the loss is replaced per map). */
    static ManyModelTrainer.Settings tutorialSettings() {
        RunConfig t = RunConfig.tutorial(LossKind.MSE);
        return new ManyModelTrainer.Settings(t.loss(), t.learningRate(), t.batchSize(), t.epochs(), t.precision());
    }

    /** The default map: 201 x 201 starts in [-20, 20]^2, MSE and BCE, the tutorial's SGD. */
    static StartGrid defaultGrid() {
        return new StartGrid(new Range(-20, 20), new Range(-20, 20), 201);
    }
}
