package dev.initlab.frameworks.tribuo;

import dev.initlab.frameworks.RunnerCommand;

/** {@code java ... dev.initlab.frameworks.tribuo.TribuoMain --loss bce --out result.json}. */
public final class TribuoMain {
    private TribuoMain() {
    }

    public static void main(String[] args) {
        RunnerCommand.main(new TribuoRunner(), args);
    }
}
