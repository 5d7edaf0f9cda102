package dev.initlab.frameworks.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.Runner;
import dev.initlab.frameworks.TutorialData;

/**
 * DJL 0.36.0 on its PyTorch engine (libtorch 2.7.1, CPU, offline): a Linear(1) block (+ sigmoid for MSE), a
 * DJL {@link Trainer} with {@code Optimizer.sgd()} at a fixed learning rate, minibatches in data order, one
 * {@code GradientCollector.backward} + {@code trainer.step()} per minibatch. Computes in float32.
 *
 * <p>Losses ({@link Variant#DEFAULT}): MSE is {@link MeanSquaredError}, BCE is {@link TorchBce}, both written
 * with NDArray–NDArray ops only, because DJL's {@link L2Loss} is ½·MSE by default and, like every
 * {@code op(Number)} of the PyTorch engine, its {@code mul(weight)} makes a temporary scalar with
 * {@code torch.from_blob} over a direct ByteBuffer that DJL closes at once while autograd keeps it for
 * backward; and DJL's {@link SigmoidBinaryCrossEntropyLoss} lacks its minus sign with {@code fromSigmoid=true}
 * and, on logits, computes relu(z) − z·y + softplus(−|z|), whose autograd gradient at z = 0 exactly is −y
 * instead of ½ − y (relu' and |z|' are 0 there) — the tutorial's start (−5, −10) puts x = −2 at z = 0.
 * The other variants exist to measure those departures.
 */
public final class DjlRunner implements Runner {

    /** Which loss the runner uses. */
    public enum Variant {
        /** The runner's choice: exact MSE / stock BCE on logits; passes lr. */
        DEFAULT,
        /** MSE with DJL's stock L2Loss (½·MSE, mul(Number) inside): passes 2·lr. */
        STOCK_L2,
        /** BCE with DJL's stock SigmoidBinaryCrossEntropyLoss on logits (fromSigmoid=false): passes lr. */
        STOCK_BCE_LOGITS,
        /** BCE with SigmoidBinaryCrossEntropyLoss(fromSigmoid=true) on a sigmoid output: passes lr. */
        BCE_FROM_SIGMOID
    }

    private final Variant variant;

    public DjlRunner() {
        this(Variant.DEFAULT);
    }

    public DjlRunner(Variant variant) {
        this.variant = variant;
    }

    /** Must run before DJL's first class loads: no network access, no tracking. */
    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
        if (!"true".equals(System.getenv("OPT_OUT_TRACKING"))) {
            System.err.println("djl: warning: OPT_OUT_TRACKING=true is not set in the environment");
        }
    }

    @Override
    public String framework() {
        return "djl-pytorch";
    }

    /** torch's MSELoss: mean (p − y)², with NDArray ops only. */
    public static final class MeanSquaredError extends Loss {
        public MeanSquaredError() {
            super("MSE");
        }

        @Override
        public NDArray evaluate(NDList label, NDList prediction) {
            NDArray pred = prediction.singletonOrThrow();
            NDArray diff = pred.sub(label.singletonOrThrow().reshape(pred.getShape()));
            return diff.mul(diff).mean();
        }
    }

    /**
     * torch's BCELoss: −mean(y·max(log p, −100) + (1−y)·max(log(1−p), −100)); no temporary scalar tensors: the
     * constants are arrays held for the whole run.
     */
    public static final class TorchBce extends Loss {
        private final NDArray one;
        private final NDArray minus100;
        private final NDArray minusOne;

        public TorchBce(NDManager manager) {
            super("BCELoss");
            one = manager.create(1f);
            minus100 = manager.create(-100f);
            minusOne = manager.create(-1f);
        }

        @Override
        public NDArray evaluate(NDList label, NDList prediction) {
            NDArray p = prediction.singletonOrThrow();
            NDArray y = label.singletonOrThrow().reshape(p.getShape());
            // clip keeps log's backward finite where p is 0 or 1 in float (0 · ∞ would be NaN; torch's fused
            // BCELoss backward divides by max(p(1−p), 1e-12) instead). Its min/max scalars are arrays that the
            // engine does not close (they live until the model's manager closes), unlike mul(Number)'s.
            NDArray logP = p.clip(Float.MIN_VALUE, 1f).log().maximum(minus100);
            NDArray log1mP = one.sub(p).clip(Float.MIN_VALUE, 1f).log().maximum(minus100);
            return y.mul(logP).add(one.sub(y).mul(log1mP)).mean().mul(minusOne);
        }
    }

    @Override
    public RunRecord run(RunConfig c) {
        offline();
        boolean mse = c.loss().equals("mse");
        if (mse && (variant == Variant.BCE_FROM_SIGMOID || variant == Variant.STOCK_BCE_LOGITS)
                || !mse && variant == Variant.STOCK_L2) {
            throw new IllegalArgumentException(variant + " does not apply to " + c.loss());
        }
        boolean sigmoidInNetwork = variant != Variant.STOCK_BCE_LOGITS;
        float lr = (float) (variant == Variant.STOCK_L2 ? 2 * c.learningRate() : c.learningRate());
        Engine engine = Engine.getEngine("PyTorch");
        RunRecord r = new RunRecord(c, framework(), Engine.getDjlVersion() + " (PyTorch " + engine.getVersion() + ")",
                "float");
        float[] x = TutorialData.x();
        float[] y = TutorialData.y();
        try (Model model = Model.newInstance("logistic", Device.cpu(), "PyTorch")) {
            Loss loss = switch (variant) {
                case DEFAULT -> mse ? new MeanSquaredError() : new TorchBce(model.getNDManager());
                case STOCK_L2 -> new L2Loss();
                case STOCK_BCE_LOGITS -> new SigmoidBinaryCrossEntropyLoss();
                case BCE_FROM_SIGMOID -> new SigmoidBinaryCrossEntropyLoss("BCE", 1f, true);
            };
            SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(1).build());
            if (sigmoidInNetwork) {
                block.add(Activation::sigmoid);
            }
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(lr)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(c.batchSize(), 1));
                NDArray w = parameter(block, "weight");
                NDArray b = parameter(block, "bias");
                w.set(new float[] {(float) c.w0()});
                b.set(new float[] {(float) c.b0()});
                r.initialW = w.getFloat();
                r.initialB = b.getFloat();
                NDManager manager = model.getNDManager();
                int batches = TutorialData.batchesPerEpoch(c.batchSize());
                NDArray[] xs = new NDArray[batches];
                NDArray[] ys = new NDArray[batches];
                for (int k = 0; k < batches; k++) {
                    int len = TutorialData.batchLength(k, c.batchSize());
                    float[] xb = new float[len];
                    float[] yb = new float[len];
                    System.arraycopy(x, k * c.batchSize(), xb, 0, len);
                    System.arraycopy(y, k * c.batchSize(), yb, 0, len);
                    xs[k] = manager.create(xb, new Shape(len, 1)); // held for the whole run
                    ys[k] = manager.create(yb, new Shape(len, 1));
                }
                NDArray allX = manager.create(x, new Shape(x.length, 1));
                for (int e = 0; e < c.epochs(); e++) {
                    for (int k = 0; k < batches; k++) {
                        float l;
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray pred = trainer.forward(new NDList(xs[k])).singletonOrThrow();
                            NDArray value = loss.evaluate(new NDList(ys[k]), new NDList(pred));
                            gc.backward(value);
                            l = value.getFloat();
                        }
                        trainer.step();
                        r.step(l, w.getFloat(), b.getFloat());
                    }
                    r.epochAccuracy.add(RunRecord.accuracy(predict(trainer, allX, sigmoidInNetwork), y));
                }
                r.finalW = w.getFloat();
                r.finalB = b.getFloat();
                double[] p = predict(trainer, allX, sigmoidInNetwork);
                r.accuracy = RunRecord.accuracy(p, y);
                r.evaluation = RunRecord.evaluate(p, y);
                double sum = 0;
                for (int i = 0; i < p.length; i++) {
                    sum += mse ? (p[i] - y[i]) * (p[i] - y[i]) : RunRecord.bce(p[i], y[i]);
                }
                r.finalLoss = sum / p.length;
            }
        }
        r.passedLearningRate = String.valueOf(lr);
        r.notes.add("DJL Trainer + Optimizer.sgd() (fixed rate, no momentum, no weight decay) on the PyTorch "
                + "engine, CPU, float32, offline (ai.djl.offline=true, OPT_OUT_TRACKING=true)");
        r.notes.add(switch (variant) {
            case DEFAULT -> mse ? "loss: MSE written with NDArray ops only (DJL's L2Loss is 1/2 MSE and uses mul(Number))"
                    : "loss: torch's BCELoss written with NDArray ops (log clamped at -100): DJL's own "
                    + "SigmoidBinaryCrossEntropyLoss is wrong both ways (see STOCK_BCE_LOGITS, BCE_FROM_SIGMOID)";
            case STOCK_BCE_LOGITS -> "loss: DJL SigmoidBinaryCrossEntropyLoss on logits (fromSigmoid=false): "
                    + "relu(z) - z*y + softplus(-|z|) has gradient -y, not sigmoid(z) - y, at z = 0 exactly";
            case STOCK_L2 -> "loss: DJL L2Loss (1/2 MSE): passed 2 * lr";
            case BCE_FROM_SIGMOID -> "loss: DJL SigmoidBinaryCrossEntropyLoss(fromSigmoid=true): its value is "
                    + "+mean(y log(p+1e-12) + (1-y) log(1-p+1e-12)), i.e. minus BCE, so SGD climbs BCE";
        });
        r.notes.add("final p: the trained block's forward pass on all 40 points (sigmoid applied here when "
                + "the network outputs logits)");
        return r;
    }

    private static NDArray parameter(Block block, String suffix) {
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (pair.getKey().endsWith(suffix)) {
                return p.getArray();
            }
        }
        throw new IllegalStateException("no parameter " + suffix);
    }

    private static double[] predict(Trainer trainer, NDArray allX, boolean sigmoidInNetwork) {
        NDArray out = trainer.evaluate(new NDList(allX)).singletonOrThrow();
        float[] z = (sigmoidInNetwork ? out : Activation.sigmoid(out)).toFloatArray();
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = z[i];
        }
        return p;
    }
}
