package dev.initlab.frameworks;

/** One framework's implementation of the tutorial's training. */
public interface Runner {
    /** "encog", "tribuo", "djl-pytorch". */
    String framework();

    /** Trains from the config's fixed start, or throws {@link UnsupportedOperationException} with the reason. */
    RunRecord run(RunConfig config);
}
