package dev.initlab.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The tutorial's 40 training points: x = -2.0, -1.9, ..., 1.9 as float32, bit-identical to PyTorch's
 * {@code torch.arange(-2, 2, 0.1)}, and labels 1 where {@code x > 0.2f} (17 positives, 23 negatives).
 *
 * <p>PyTorch's CPU kernel (AVX2 build) fills the tensor two SIMD vectors of {@value #TORCH_VECTOR_WIDTH}
 * floats at a time: each vector starts at {@code float(-2 + 0.1 * vectorStart)} (computed in double) and its
 * lanes add {@code j * 0.1} in double to that already-rounded float before rounding again. The tail that
 * does not fill a pair of vectors (here x[32..39]) is computed one element at a time as
 * {@code float(-2 + 0.1 * i)}. The two-step rounding is why torch's x[20] is -5.96e-9 and x[22] is
 * 0.19999999 rather than the values a single {@code (float) (-2 + 0.1 * i)} gives. The comparison with 0.2
 * is made in float32; made in double it would give 18 positives. {@code reference/torch_reference.json}
 * holds torch's bit patterns, and a test compares them with these.
 */
public final class TutorialData {

    /** Number of points. */
    public static final int SIZE = 40;
    /** First x. */
    public static final double START = -2.0;
    /** Step between consecutive x. */
    public static final double STEP = 0.1;
    /** Label threshold: label is 1 where x &gt; this value, compared in float32. */
    public static final float THRESHOLD = 0.2f;
    /** Float lanes per SIMD block in PyTorch's arange kernel (AVX2: 256 bits / 32). */
    static final int TORCH_VECTOR_WIDTH = 8;

    private TutorialData() {
    }

    /** The 40 x values exactly as float32 {@code torch.arange(-2, 2, 0.1)} holds them. */
    public static float[] inputs() {
        float[] x = new float[SIZE];
        int vectorised = SIZE - SIZE % (2 * TORCH_VECTOR_WIDTH);
        for (int i = 0; i < SIZE; i++) {
            if (i < vectorised) {
                int vectorStart = i - i % TORCH_VECTOR_WIDTH;
                float base = (float) (START + STEP * vectorStart);
                x[i] = (float) ((double) base + (i - vectorStart) * STEP);
            } else {
                x[i] = (float) (START + STEP * i);
            }
        }
        return x;
    }

    /** Labels 1.0 where {@code x > 0.2f}, else 0.0. */
    public static float[] labels() {
        float[] x = inputs();
        float[] y = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            y[i] = x[i] > THRESHOLD ? 1f : 0f;
        }
        return y;
    }

    /** Number of positive labels (17). */
    public static int positives() {
        int n = 0;
        for (float label : labels()) {
            n += label > 0.5f ? 1 : 0;
        }
        return n;
    }

    /**
     * The 40 points as an ND4J {@link DataSet} with features and labels of shape [40, 1] in the given data
     * type. For DOUBLE the same float32 points are widened exactly, so both types train on identical data.
     */
    public static DataSet dataSet(DataType dataType) {
        INDArray features = Nd4j.createFromArray(inputs()).reshape(SIZE, 1).castTo(dataType);
        INDArray labels = Nd4j.createFromArray(labels()).reshape(SIZE, 1).castTo(dataType);
        return new DataSet(features, labels);
    }
}
