package dev.initlab.frameworks;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The shared command line of every runner's main class. */
@CommandLine.Command(mixinStandardHelpOptions = true,
        description = "Runs the tutorial's logistic regression in one framework and writes result.json.")
public final class RunnerCommand implements Callable<Integer> {
    @Option(names = "--loss", defaultValue = "mse", description = "mse or bce (default ${DEFAULT-VALUE})")
    String loss;
    @Option(names = "--w0", defaultValue = "-5") double w0;
    @Option(names = "--b0", defaultValue = "-10") double b0;
    @Option(names = "--lr", defaultValue = "2", description = "PyTorch-equivalent learning rate") double lr;
    @Option(names = "--batch-size", defaultValue = "2") int batchSize;
    @Option(names = "--epochs", defaultValue = "50") int epochs;
    @Option(names = "--out", defaultValue = "result.json") Path out;

    private final Runner runner;

    RunnerCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        RunConfig config;
        try {
            config = new RunConfig(loss, w0, b0, lr, batchSize, epochs);
        } catch (IllegalArgumentException e) {
            System.err.println(runner.framework() + ": error: " + e.getMessage());
            return 2;
        }
        RunRecord r;
        try {
            r = runner.run(config);
        } catch (UnsupportedOperationException e) {
            System.err.println(runner.framework() + ": skipped: " + e.getMessage());
            return 3;
        }
        ResultJson.write(r, out);
        System.out.printf("%s %s: loss %s lr %s (passed to the framework: %s), batch %d, %d epochs -> "
                        + "final w %s b %s, accuracy %s; wrote %s%n", r.framework, r.frameworkVersion, config.loss(),
                config.learningRate(), r.passedLearningRate, config.batchSize(), config.epochs(), r.finalW, r.finalB,
                r.accuracy, out);
        return 0;
    }

    /** Parses args, runs, exits with 0 (ok), 2 (bad input) or 3 (the framework cannot do this configuration). */
    public static void main(Runner runner, String[] args) {
        int code = new CommandLine(new RunnerCommand(runner)).setCommandName(runner.framework()).execute(args);
        System.exit(code);
    }
}
