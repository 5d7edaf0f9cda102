package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import picocli.CommandLine.Option;

/** Options shared by every command that trains: SGD settings and the numeric type. */
final class SgdOptions {

    @Option(names = "--lr", defaultValue = "2", description = "SGD learning rate, > 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch-size", defaultValue = "2",
            description = "Minibatch size, 1..40, taken in data order (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "50", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--dtype", defaultValue = "float", converter = Converters.Dtype.class,
            description = "float or double (default: ${DEFAULT-VALUE}).")
    Precision precision;

    /** A validated configuration from these options, the start and the given init, loss and seed. */
    RunConfig toConfig(StartOptions start, InitScheme init, LossKind loss, long seed) {
        return new RunConfig(init, start.w0, start.b0, loss, learningRate, batchSize, epochs, seed, precision);
    }
}
