package dev.initlab.frameworks;

/** One tutorial-equivalent configuration (PyTorch's meaning of every number). */
public record RunConfig(String loss, double w0, double b0, double learningRate, int batchSize, int epochs) {
    public RunConfig {
        if (!loss.equals("mse") && !loss.equals("bce")) {
            throw new IllegalArgumentException("--loss must be mse or bce, not " + loss);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be finite and > 0");
        }
        if (batchSize < 1 || batchSize > TutorialData.N) {
            throw new IllegalArgumentException("--batch-size must be 1..40");
        }
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("--epochs must be 1..100000");
        }
        if (!Double.isFinite(w0) || !Double.isFinite(b0)) {
            throw new IllegalArgumentException("--w0 and --b0 must be finite");
        }
    }

    public static RunConfig tutorial(String loss) {
        return new RunConfig(loss, -5, -10, 2, 2, 50);
    }

    public int steps() {
        return epochs * TutorialData.batchesPerEpoch(batchSize);
    }
}
