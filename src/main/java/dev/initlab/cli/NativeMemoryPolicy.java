package dev.initlab.cli;

/**
 * Chooses, before ND4J loads, whether JavaCPP tracks every native pointer for garbage collection.
 *
 * <p>With tracking on, each of the ~30 small buffers a DL4J step creates is registered with a phantom
 * reference and a shared map; on a 2-core machine that bookkeeping is most of the cost of a step (about
 * 600-900 µs instead of 150-200 µs). With tracking off ({@code org.bytedeco.javacpp.nopointergc=true}) the
 * buffers that DL4J does not close are never freed: about 17 KB per step, until the process exits. So a
 * command switches tracking off only when its whole plan is at most {@value #UNTRACKED_STEP_LIMIT} SGD steps
 * (about 1 GB at most: the default job, 58,000 steps), and never when the user set the property.
 */
final class NativeMemoryPolicy {

    /** The JavaCPP system property, read once when its classes load. */
    static final String PROPERTY = "org.bytedeco.javacpp.nopointergc";
    /** Largest plan, in SGD steps, run without pointer tracking. */
    static final long UNTRACKED_STEP_LIMIT = 60_000;

    private NativeMemoryPolicy() {
    }

    /** Switches tracking off for a small enough plan, unless the user decided already. */
    static void apply(long plannedSteps) {
        if (System.getProperty(PROPERTY) == null && plannedSteps > 0 && plannedSteps <= UNTRACKED_STEP_LIMIT) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
