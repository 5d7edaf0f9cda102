package dev.initlab.bench;

import dev.initlab.config.RunConfig;
import dev.initlab.data.TutorialData;
import dev.initlab.model.LossKind;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one whole tutorial run (1000 SGD steps: build the network, fit with the recording listener, evaluate)
 * in DL4J, and the same maths as a plain-Java loop. Divide by 1000 for the cost of one step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SgdStepBenchmark {

    /** Steps in one tutorial run. */
    public static final int STEPS = 1000;

    private final float[] x = TutorialData.inputs();
    private final float[] y = TutorialData.labels();
    private final float[] losses = new float[STEPS];

    @Benchmark
    public TrainingResult dl4jTutorialRun() {
        return Trainer.train(RunConfig.tutorial(LossKind.MSE));
    }

    @Benchmark
    public float[] plainJavaTutorialRun() {
        return PlainJavaSgd.trainMse(x, y, -5f, -10f, 2f, 2, 50, losses);
    }
}
