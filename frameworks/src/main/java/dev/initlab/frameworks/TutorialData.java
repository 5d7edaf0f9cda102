package dev.initlab.frameworks;

/**
 * The tutorial's 40 points: x = torch.arange(-2, 2, 0.1) in float32 (bit patterns copied from
 * reference/torch_reference.json "xFloat32Bits"; a test checks them against the file) and y = (x > 0.2),
 * 17 positives (x[22] is 0.19999999 in float32).
 */
public final class TutorialData {
    private static final long[] X_BITS = {3221225472L, 3220386611L, 3219547750L, 3218708890L, 3217870029L,
            3217031168L, 3216192307L, 3215353446L, 3214514586L, 3213675725L, 3212836864L, 3211159143L, 3209481422L,
            3207803700L, 3206125978L, 3204448257L, 3201092813L, 3197737370L, 3192704205L, 3184315598L, 2982989005L,
            1036831948L, 1045220556L, 1050253721L, 1053609165L, 1056964608L, 1058642330L, 1060320051L, 1061997773L,
            1063675494L, 1065353216L, 1066192077L, 1067030938L, 1067869798L, 1068708659L, 1069547520L, 1070386381L,
            1071225242L, 1072064102L, 1072902963L};

    public static final int N = X_BITS.length;

    private TutorialData() {
    }

    /** The 40 float32 inputs. */
    public static float[] x() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = Float.intBitsToFloat((int) X_BITS[i]);
        }
        return x;
    }

    /** The labels: 1 where x > 0.2 in float32. */
    public static float[] y() {
        float[] x = x();
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i] > 0.2f ? 1f : 0f;
        }
        return y;
    }

    /** Number of minibatches per epoch. */
    public static int batchesPerEpoch(int batchSize) {
        return (N + batchSize - 1) / batchSize;
    }

    /** Size of minibatch {@code k} (data order, last one may be smaller). */
    public static int batchLength(int k, int batchSize) {
        return Math.min(batchSize, N - k * batchSize);
    }
}
