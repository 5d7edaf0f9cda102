package dev.initlab.frameworks.encog;

import dev.initlab.frameworks.RunnerCommand;

/** {@code java ... dev.initlab.frameworks.encog.EncogMain --loss mse --out result.json}. */
public final class EncogMain {
    private EncogMain() {
    }

    public static void main(String[] args) {
        RunnerCommand.main(new EncogRunner(), args);
    }
}
