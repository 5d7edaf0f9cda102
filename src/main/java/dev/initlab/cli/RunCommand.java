package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.Provenance;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.report.RunFiles;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: trains one configuration and writes its files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train one configuration; write result.json, iterations.csv, epochs.csv and loss-curve.png/.svg.")
final class RunCommand implements Callable<Integer>, PlannedWork {

    @Option(names = "--init", defaultValue = "fixed", converter = Converters.Init.class,
            description = "fixed (uses --w0/--b0) or a DL4J WeightInit: xavier, relu, uniform, xavier_uniform, "
                    + "lecun_normal, ... (default: ${DEFAULT-VALUE}).")
    InitScheme init;

    @Option(names = "--loss", defaultValue = "mse", converter = Converters.Loss.class,
            description = "mse, xent (DL4J's) or bce (PyTorch's BCELoss) (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of a random init (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "results/run", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-chart", description = "Skip loss-curve.png and .svg (for timing the training alone).")
    boolean noChart;

    @Mixin
    StartOptions start;

    @Mixin
    SgdOptions sgd;

    @Override
    public long plannedSteps() {
        try {
            return sgd.toConfig(start, init, loss, seed).totalSteps();
        } catch (IllegalArgumentException invalid) {
            return 0;
        }
    }

    @Override
    public Integer call() {
        RunConfig config = sgd.toConfig(start, init, loss, seed);
        AtomicFiles.requireWritableFolder(out);
        TrainingResult result = Trainer.train(config);
        RunFiles.write(out, result, Provenance.current(), !noChart);
        Console.printRunSummary(result, out);
        return 0;
    }
}
