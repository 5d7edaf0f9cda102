package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.Provenance;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.LossKind;
import dev.initlab.report.RunFiles;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tutorial}: the tutorial's run, printed the way the tutorial prints it, with its files. */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = "The tutorial's run (fixed -5, -10, SGD lr 2, batch 2, 50 epochs) printed as the tutorial "
                + "prints it; writes its files like run.")
final class TutorialCommand implements Callable<Integer>, PlannedWork {

    @Option(names = "--loss", defaultValue = "mse", converter = Converters.Loss.class,
            description = "mse (the tutorial's), xent or bce (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    @Option(names = "--out", defaultValue = "results/tutorial", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public long plannedSteps() {
        return RunConfig.tutorial(loss).totalSteps();
    }

    @Override
    public Integer call() {
        run(loss, out);
        return 0;
    }

    /** Trains, prints and writes the tutorial's run, and returns it. */
    static TrainingResult run(LossKind loss, Path out) {
        AtomicFiles.requireWritableFolder(out);
        TrainingResult result = Trainer.train(RunConfig.tutorial(loss));
        Console.printTutorial(result);
        RunFiles.write(out, result, Provenance.current(), true);
        System.out.println("loss curve: " + out.resolve("loss-curve.png"));
        return result;
    }
}
