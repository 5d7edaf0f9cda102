package dev.initlab.config;

import dev.initlab.data.TutorialData;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;

/**
 * One training run, fully specified: how the weights start, the loss, plain-SGD settings and the numeric
 * type. Every field is validated on construction, so an invalid run cannot be described.
 *
 * @param init         {@code fixed} or a DL4J weight initialisation
 * @param w0           initial weight for {@code fixed} (ignored otherwise)
 * @param b0           initial bias for {@code fixed} (ignored otherwise; random inits start the bias at 0)
 * @param loss         loss function
 * @param learningRate SGD step size, finite and &gt; 0
 * @param batchSize    minibatch size, 1..40; the data are taken in order, the last batch may be smaller
 * @param epochs       passes over the data, 1..{@value #MAX_EPOCHS}
 * @param seed         seed of the random initialisation, 0..2^63-2 (recorded for fixed starts too)
 * @param precision    float (default) or double
 */
public record RunConfig(InitScheme init, double w0, double b0, LossKind loss, double learningRate,
        int batchSize, int epochs, long seed, Precision precision) {

    /** The tutorial's initial weight. */
    public static final double TUTORIAL_W0 = -5.0;
    /** The tutorial's initial bias. */
    public static final double TUTORIAL_B0 = -10.0;
    /** The tutorial's learning rate. */
    public static final double TUTORIAL_LEARNING_RATE = 2.0;
    /** The tutorial's minibatch size. */
    public static final int TUTORIAL_BATCH_SIZE = 2;
    /** The tutorial's number of epochs. */
    public static final int TUTORIAL_EPOCHS = 50;
    /** Upper bound on epochs, so that a typo cannot start a run of days. */
    public static final int MAX_EPOCHS = 100_000;
    /** Upper bound on the learning rate's magnitude accepted as meaningful input. */
    public static final double MAX_LEARNING_RATE = Double.MAX_VALUE;

    /** Validates every field; the message of the exception is fit to show a user as it is. */
    public RunConfig {
        if (init == null || loss == null || precision == null) {
            throw new IllegalArgumentException("init, loss and dtype are required");
        }
        if (!Double.isFinite(w0) || !Double.isFinite(b0)) {
            throw new IllegalArgumentException("--w0 and --b0 must be finite numbers, got " + w0 + ", " + b0);
        }
        if (!(learningRate > 0) || !(learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException(
                    "--lr must be a finite number > 0, got " + learningRate);
        }
        if (batchSize < 1 || batchSize > TutorialData.SIZE) {
            throw new IllegalArgumentException("--batch-size must be between 1 and " + TutorialData.SIZE
                    + " (the data has " + TutorialData.SIZE + " points), got " + batchSize);
        }
        if (seed < 0 || seed == Long.MAX_VALUE) {
            throw new IllegalArgumentException("--seed must be between 0 and " + (Long.MAX_VALUE - 1) + ", got " + seed);
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("--epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        }
    }

    /** The tutorial's run: fixed (-5, -10), the given loss, SGD lr 2, batch 2, 50 epochs, float. */
    public static RunConfig tutorial(LossKind loss) {
        return new RunConfig(InitScheme.FIXED, TUTORIAL_W0, TUTORIAL_B0, loss, TUTORIAL_LEARNING_RATE,
                TUTORIAL_BATCH_SIZE, TUTORIAL_EPOCHS, 0L, Precision.FLOAT);
    }

    /** The tutorial's settings with a random initialisation and seed. */
    public static RunConfig randomInit(InitScheme init, LossKind loss, long seed) {
        return new RunConfig(init, 0.0, 0.0, loss, TUTORIAL_LEARNING_RATE, TUTORIAL_BATCH_SIZE,
                TUTORIAL_EPOCHS, seed, Precision.FLOAT);
    }

    /** Number of SGD steps per epoch (the last minibatch may be partial). */
    public int stepsPerEpoch() {
        return (TutorialData.SIZE + batchSize - 1) / batchSize;
    }

    /** Total number of SGD steps. */
    public long totalSteps() {
        return (long) stepsPerEpoch() * epochs;
    }

    /** A copy with another loss. */
    public RunConfig withLoss(LossKind newLoss) {
        return new RunConfig(init, w0, b0, newLoss, learningRate, batchSize, epochs, seed, precision);
    }
}
