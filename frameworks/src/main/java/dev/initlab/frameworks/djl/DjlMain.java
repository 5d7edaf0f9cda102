package dev.initlab.frameworks.djl;

import dev.initlab.frameworks.RunnerCommand;

/** {@code OPT_OUT_TRACKING=true java -Dai.djl.offline=true ... dev.initlab.frameworks.djl.DjlMain --loss bce}. */
public final class DjlMain {
    private DjlMain() {
    }

    public static void main(String[] args) {
        DjlRunner.offline();
        RunnerCommand.main(new DjlRunner(), args);
    }
}
