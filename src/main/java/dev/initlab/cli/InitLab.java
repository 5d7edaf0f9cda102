package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.model.LossKind;
import dev.initlab.train.TrainingResult;
import dev.initlab.train.Trainer;

public class InitLab {
    public static void main(String[] a) {
        for (LossKind k : LossKind.values()) {
            long t0 = System.nanoTime();
            TrainingResult r = Trainer.train(RunConfig.tutorial(k));
            long t1 = System.nanoTime();
            System.out.println(k + " first=" + r.iterationLoss().get(0) + " w=" + r.finalW() + " b=" + r.finalB() + " acc=" + r.accuracy() + " n=" + r.iterationLoss().size() + " ms=" + (t1 - t0) / 1e6 + " " + r.evaluation());
        }
    }
}
