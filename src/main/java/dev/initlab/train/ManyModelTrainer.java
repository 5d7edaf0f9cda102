package dev.initlab.train;

import dev.initlab.data.TutorialData;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Trains many copies of the tutorial's model at once, each from its own (w0, b0), as ND4J array operations:
 * the weights of a chunk of models are one column vector, every minibatch step is a handful of whole-array
 * operations, and chunks run on all cores. The maths is the single-network run's: the same DL4J loss
 * function objects and sigmoid give dL/dz, which is summed over the minibatch, divided by its size, scaled
 * by the learning rate and subtracted, in the order DL4J's SGD applies them. Being ND4J code, it runs
 * unchanged on ND4J's GPU backend.
 *
 * <p>Memory stays bounded: each step's temporaries live in a workspace that each worker thread reuses, the
 * grid is split into one chunk per thread (at most {@value #MAX_CHUNK} models each), and the final
 * evaluation on all 40 points is {@link LossSurface}'s, done in slices.
 */
public final class ManyModelTrainer {

    /** Most models per chunk: a chunk's arrays stay small (its tiled labels are about 10 MB). */
    public static final int MAX_CHUNK = 1 << 16;
    /** Fewest models per chunk worth a task of its own. */
    public static final int MIN_CHUNK = 4096;

    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.STRICT)
            .build();

    /**
     * The shared training settings of all models.
     *
     * @param loss         loss function
     * @param learningRate SGD step
     * @param batchSize    minibatch size (data order, last batch may be smaller)
     * @param epochs       passes over the data
     * @param precision    float or double
     */
    public record Settings(LossKind loss, double learningRate, int batchSize, int epochs, Precision precision) {

        /** Validates like {@link dev.initlab.config.RunConfig}. */
        public Settings {
            new dev.initlab.config.RunConfig(dev.initlab.model.InitScheme.FIXED, 0, 0, loss, learningRate,
                    batchSize, epochs, 0, precision);
        }

        /** SGD steps per model. */
        public int steps() {
            return (TutorialData.SIZE + batchSize - 1) / batchSize * epochs;
        }
    }

    /**
     * What the models ended with; index i belongs to start i.
     *
     * @param finalW        final weights
     * @param finalB        final biases
     * @param accuracy      final accuracy on the 40 points
     * @param finalLoss     loss of the final model on the 40 points
     * @param iterationLoss per model, the minibatch loss of every step (before its update), or null when
     *                      curves were not requested
     */
    public record Outcome(double[] finalW, double[] finalB, double[] accuracy, double[] finalLoss,
            double[][] iterationLoss) {
    }

    private static final java.util.Map<Integer, ExecutorService> POOLS = new java.util.HashMap<>();

    private final Settings settings;
    private final int chunkSize;
    private final int threads;

    /**
     * A trainer using every core, with one chunk per core up to {@link #MAX_CHUNK} models (few large chunks
     * mean few operation calls, and each ND4J call costs the same fixed overhead whatever the array size).
     */
    public ManyModelTrainer(Settings settings) {
        this(settings, 0, Runtime.getRuntime().availableProcessors());
    }

    /** A trainer with an explicit chunk size (0: one chunk per thread, see above) and thread count. */
    public ManyModelTrainer(Settings settings, int chunkSize, int threads) {
        if (chunkSize < 0 || threads < 1) {
            throw new IllegalArgumentException("chunk size must be >= 0 and threads >= 1");
        }
        this.settings = settings;
        this.chunkSize = chunkSize;
        this.threads = threads;
    }

    /**
     * Trains one model per start. {@code progress} receives the number of model-steps of each finished chunk
     * (from worker threads). With {@code recordCurves} every model's loss curve is kept (memory: models x steps).
     */
    public Outcome train(double[] w0, double[] b0, boolean recordCurves, LongConsumer progress) {
        if (w0.length != b0.length) {
            throw new IllegalArgumentException("w0 and b0 differ in length");
        }
        int models = w0.length;
        Outcome outcome = new Outcome(new double[models], new double[models], new double[models],
                new double[models], recordCurves ? new double[models][] : null);
        ExecutorService pool = workers(threads);
        int chunk = chunkSize > 0 ? chunkSize
                : Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, (models + threads - 1) / threads));
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < models; from += chunk) {
                int start = from;
                int end = Math.min(models, from + chunk);
                chunks.add(pool.submit(() -> {
                    trainChunk(w0, b0, start, end, outcome);
                    progress.accept((long) (end - start) * settings.steps());
                }));
            }
            for (Future<?> task : chunks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return outcome;
    }

    /**
     * Worker threads live as long as the JVM, one pool per thread count: each keeps its step workspace from
     * chunk to chunk and call to call, so native memory stays at one workspace per thread however large the
     * grid (a workspace destroyed per chunk is not returned promptly and memory would grow with the grid).
     */
    private static synchronized ExecutorService workers(int threads) {
        return POOLS.computeIfAbsent(threads, n -> Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "many-model-trainer");
            t.setDaemon(true);
            return t;
        }));
    }

    private void trainChunk(double[] w0, double[] b0, int from, int to, Outcome outcome) {
        DataType type = settings.precision().dataType();
        int count = to - from;
        float[] x = TutorialData.inputs();
        float[] y = TutorialData.labels();
        ILossFunction lossFunction = settings.loss().create();
        IActivation sigmoid = new ActivationSigmoid();
        INDArray w = LossSurface.column(w0, from, to, type);
        INDArray b = LossSurface.column(b0, from, to, type);

        List<Minibatch> batches = new ArrayList<>();
        for (int start = 0; start < x.length; start += settings.batchSize()) {
            batches.add(new Minibatch(x, y, start, Math.min(x.length, start + settings.batchSize()), count, type));
        }
        double[][] curves = outcome.iterationLoss() == null ? null : new double[count][settings.steps()];
        String workspaceId = "many-model-step";
        int step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (Minibatch batch : batches) {
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager()
                        .getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
                    INDArray z = w.mmul(batch.xRow).addiColumnVector(b).reshape('c', (long) count * batch.size, 1);
                    if (curves != null) {
                        double[] scores = lossFunction.computeScoreArray(batch.labels, z, sigmoid, null)
                                .reshape('c', count, batch.size).sum(1).toDoubleVector();
                        for (int m = 0; m < count; m++) {
                            curves[m][step] = scores[m] / batch.size;
                        }
                    }
                    // last use of z: DL4J's losses back-propagate through the sigmoid in place, over z
                    INDArray dz = lossFunction.computeGradient(batch.labels, z, sigmoid, null)
                            .reshape('c', count, batch.size);
                    // dL/dw as DL4J computes it, a BLAS gemm x^T . delta (here for all models at once: one
                    // row x . dz^T), so that its rounding matches; dL/db is a plain sum, as in DL4J.
                    INDArray gradW = Nd4j.gemm(batch.xRow, dz, false, true).reshape(count, 1)
                            .divi(batch.size).muli(settings.learningRate());
                    INDArray gradB = dz.sum(true, 1).reshape(count, 1).divi(batch.size)
                            .muli(settings.learningRate());
                    w.subi(gradW);
                    b.subi(gradB);
                }
                step++;
            }
        }
        double[] finalW = w.toDoubleVector();
        double[] finalB = b.toDoubleVector();
        LossSurface.Values end = LossSurface.evaluate(settings.loss(), settings.precision(), finalW, finalB);
        System.arraycopy(finalW, 0, outcome.finalW(), from, count);
        System.arraycopy(finalB, 0, outcome.finalB(), from, count);
        System.arraycopy(end.accuracy(), 0, outcome.accuracy(), from, count);
        System.arraycopy(end.loss(), 0, outcome.finalLoss(), from, count);
        if (curves != null) {
            System.arraycopy(curves, 0, outcome.iterationLoss(), from, count);
        }
        // Free this chunk's arrays now rather than when the garbage collector finds them: the Java heap
        // hardly grows here, so the collector would run late and native memory would climb with the grid.
        w.close();
        b.close();
        batches.forEach(Minibatch::close);
        // Each ND4J call leaves a little native memory that only the garbage collector returns; the Java heap
        // barely grows here, so without a nudge the collector runs late and memory climbs with the grid.
        Nd4j.getMemoryManager().invokeGc();
    }

    /** One minibatch laid out for a chunk: x as a row, labels tiled once per model as a column. */
    private static final class Minibatch implements AutoCloseable {
        final int size;
        final INDArray xRow;
        final INDArray labels;

        Minibatch(float[] x, float[] y, int start, int end, int models, DataType type) {
            size = end - start;
            xRow = Nd4j.createFromArray(java.util.Arrays.copyOfRange(x, start, end)).castTo(type).reshape(1, size);
            INDArray yRow = Nd4j.createFromArray(java.util.Arrays.copyOfRange(y, start, end)).castTo(type)
                    .reshape(1, size);
            try (INDArray ones = Nd4j.ones(type, models, 1)) {
                labels = ones.mmul(yRow).reshape('c', (long) models * size, 1);
            }
            yRow.close();
        }

        @Override
        public void close() {
            xRow.close();
            labels.close();
        }
    }
}
