package dev.initlab.cli;

import picocli.CommandLine.Option;

/** The fixed start (w0, b0) of the commands that train from one start. */
final class StartOptions {

    @Option(names = "--w0", defaultValue = "-5", description = "Initial weight of the fixed start (default: ${DEFAULT-VALUE}).")
    double w0;

    @Option(names = "--b0", defaultValue = "-10", description = "Initial bias of the fixed start (default: ${DEFAULT-VALUE}).")
    double b0;
}
