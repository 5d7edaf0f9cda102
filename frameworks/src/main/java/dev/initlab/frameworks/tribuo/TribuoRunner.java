package dev.initlab.frameworks.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.Runner;
import dev.initlab.frameworks.TutorialData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.math.util.SigmoidNormalizer;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.MultiLabelObjective;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo 4.3: multi-label linear SGD ({@code org.tribuo.multilabel.sgd.linear.LinearSGDTrainer}) with one
 * label, "pos" (negatives have the empty label set), so the model is one sigmoid output
 * p = sigmoid(w·x + b) (Tribuo adds the bias as an extra feature). Constant-rate {@code SGD.getSimpleSGD},
 * no shuffling, minibatches in data order. Tribuo computes in double.
 *
 * <p>Translation: Tribuo sums the minibatch's gradients, multiplies the sum by the minibatch size B
 * ({@code updates[k].scaleInPlace(minibatchSize)}) and the step by (Σ example weights)/B, so a full batch
 * moves by lr_T·B·Σg while torch moves by lr/B·Σg: pass lr_T = lr/B². A last, smaller batch of c points
 * would move by lr_T·c·Σg instead of lr/c·Σg; the runner fixes that with Tribuo's example weights
 * (B²/c² on those c examples, so Σweights/B = B/c); example weights only scale the step and the logged loss
 * in the minibatch path.
 *
 * <p>Hooks (Tribuo's public extension points, no reflection): a trainer subclass overrides
 * {@code createParameters} to start from (w0, b0); a recording optimiser wraps SGD (reads w, b and adds the
 * update, exactly as {@code LinearParameters.update} does); a recording objective wraps the loss to get each
 * minibatch's loss before its update. MSE uses {@link SigmoidSquaredError}, not a stock Tribuo objective.
 */
public final class TribuoRunner implements Runner {
    /** Held: java.util.logging keeps loggers weakly, a level set on a dropped logger is lost. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    @Override
    public String framework() {
        return "tribuo";
    }

    public static double tribuoLearningRate(RunConfig c) {
        return c.learningRate() / ((double) c.batchSize() * c.batchSize());
    }

    /** Shared state of the recording hooks. */
    static final class Recorder {
        final RunRecord record;
        final float[] x;
        final float[] y;
        final int stepsPerEpoch;
        LinearParameters params;
        double lossSum;
        int lossCount;

        Recorder(RunRecord record, float[] x, float[] y) {
            this.record = record;
            this.x = x;
            this.y = y;
            this.stepsPerEpoch = TutorialData.batchesPerEpoch(record.config.batchSize());
        }

        void step(Tensor[] update) {
            DenseMatrix m = params.getWeightMatrix();
            DenseMatrix u = (DenseMatrix) update[0];
            double w = m.get(0, 0) + u.get(0, 0);
            double b = m.get(0, 1) + u.get(0, 1);
            record.step(lossSum / lossCount, w, b);
            lossSum = 0;
            lossCount = 0;
            if (record.iterationLoss.size() % stepsPerEpoch == 0) {
                double[] p = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    p[i] = SigmoidNormalizer.sigmoid(w * x[i] + b);
                }
                record.epochAccuracy.add(RunRecord.accuracy(p, y));
            }
        }
    }

    /** Wraps Tribuo's SGD: passes everything through, records w and b after each step. */
    static final class RecordingOptimiser implements StochasticGradientOptimiser {
        private final StochasticGradientOptimiser delegate;
        private final Recorder recorder;

        RecordingOptimiser(StochasticGradientOptimiser delegate, Recorder recorder) {
            this.delegate = delegate;
            this.recorder = recorder;
        }

        @Override
        public void initialise(Parameters parameters) {
            recorder.params = (LinearParameters) parameters;
            delegate.initialise(parameters);
        }

        @Override
        public Tensor[] step(Tensor[] updates, double weight) {
            Tensor[] out = delegate.step(updates, weight);
            recorder.step(out);
            return out;
        }

        @Override
        public void finalise() {
            delegate.finalise();
        }

        @Override
        public void reset() {
            delegate.reset();
        }

        @Override
        public StochasticGradientOptimiser copy() {
            return new RecordingOptimiser(delegate.copy(), recorder);
        }

        @Override
        public ConfiguredObjectProvenance getProvenance() {
            return delegate.getProvenance();
        }
    }

    /** Wraps the objective: sums each example's (unweighted) loss for the current minibatch. */
    static final class RecordingObjective implements MultiLabelObjective {
        private final MultiLabelObjective delegate;
        private final Recorder recorder;

        RecordingObjective(MultiLabelObjective delegate, Recorder recorder) {
            this.delegate = delegate;
            this.recorder = recorder;
        }

        @Override
        public Pair<Double, SGDVector> lossAndGradient(SGDVector truth, SGDVector prediction) {
            Pair<Double, SGDVector> out = delegate.lossAndGradient(truth, prediction);
            recorder.lossSum += out.getA();
            recorder.lossCount++;
            return out;
        }

        @Override
        public VectorNormalizer getNormalizer() {
            return delegate.getNormalizer();
        }

        @Override
        public boolean isProbabilistic() {
            return delegate.isProbabilistic();
        }

        @Override
        public double threshold() {
            return delegate.threshold();
        }

        @Override
        public ConfiguredObjectProvenance getProvenance() {
            return delegate.getProvenance();
        }
    }

    /** LinearSGDTrainer starting from (w0, b0) instead of zeros. */
    static final class FixedStartTrainer extends LinearSGDTrainer {
        private final double w0;
        private final double b0;

        FixedStartTrainer(MultiLabelObjective objective, StochasticGradientOptimiser optimiser, int epochs,
                int minibatchSize, double w0, double b0) {
            super(objective, optimiser, epochs, -1, minibatchSize, 0L);
            this.w0 = w0;
            this.b0 = b0;
            setShuffle(false);
        }

        @Override
        protected LinearParameters createParameters(int numFeatures, int numOutputs, SplittableRandom rng) {
            LinearParameters p = super.createParameters(numFeatures, numOutputs, rng);
            p.getWeightMatrix().set(0, 0, w0); // feature "x"
            p.getWeightMatrix().set(0, numFeatures, b0); // the bias column Tribuo appends
            return p;
        }
    }

    public static MutableDataset<MultiLabel> dataset(float[] x, float[] y, int batchSize) {
        MultiLabelFactory factory = new MultiLabelFactory();
        List<Example<MultiLabel>> examples = new ArrayList<>();
        int lastStart = (TutorialData.batchesPerEpoch(batchSize) - 1) * batchSize;
        int lastSize = TutorialData.N - lastStart;
        for (int i = 0; i < x.length; i++) {
            MultiLabel label = y[i] > 0.5f ? new MultiLabel("pos") : new MultiLabel(java.util.Set.of());
            ArrayExample<MultiLabel> e = new ArrayExample<>(label, new String[] {"x"}, new double[] {x[i]});
            if (i >= lastStart && lastSize < batchSize) {
                e.setWeight((float) ((double) batchSize * batchSize / ((double) lastSize * lastSize)));
            }
            examples.add(e);
        }
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("tutorial 40 points", factory),
                factory);
    }

    @Override
    public RunRecord run(RunConfig c) {
        float[] x = TutorialData.x();
        float[] y = TutorialData.y();
        RunRecord r = new RunRecord(c, framework(), Tribuo.VERSION, "double");
        r.initialW = c.w0();
        r.initialB = c.b0();
        Recorder recorder = new Recorder(r, x, y);
        double lr = tribuoLearningRate(c);
        MultiLabelObjective objective = c.loss().equals("bce") ? new BinaryCrossEntropy() : new SigmoidSquaredError();
        FixedStartTrainer trainer = new FixedStartTrainer(new RecordingObjective(objective, recorder),
                new RecordingOptimiser(SGD.getSimpleSGD(lr), recorder), c.epochs(), c.batchSize(), c.w0(), c.b0());
        MutableDataset<MultiLabel> data = dataset(x, y, c.batchSize());
        LinearSGDModel model = trainer.train(data);
        DenseMatrix weights = (DenseMatrix) model.getWeightsCopy();
        r.finalW = weights.get(0, 0);
        r.finalB = weights.get(0, 1);
        double[] p = new double[x.length];
        double sum = 0;
        int i = 0;
        for (Prediction<MultiLabel> pred : model.predict(data)) {
            p[i] = pred.getOutputScores().get("pos").getLabelSet().iterator().next().getScore();
            sum += c.loss().equals("mse") ? (p[i] - y[i]) * (p[i] - y[i]) : RunRecord.bce(p[i], y[i]);
            i++;
        }
        r.accuracy = RunRecord.accuracy(p, y);
        r.finalLoss = sum / x.length;
        r.evaluation = RunRecord.evaluate(p, y);
        int lastSize = TutorialData.batchLength(TutorialData.batchesPerEpoch(c.batchSize()) - 1, c.batchSize());
        r.passedLearningRate = lr + (lastSize < c.batchSize() ? " (and example weight " + (float) ((double) c.batchSize()
                * c.batchSize() / ((double) lastSize * lastSize)) + " on the last batch's " + lastSize + " points)" : "");
        r.notes.add("Tribuo computes in double (float32 inputs widened); LinearSGDTrainer (multi-label, one label), "
                + "SGD.getSimpleSGD(lr/B^2), shuffle off, loggingInterval -1");
        r.notes.add("Tribuo multiplies the summed minibatch gradient by the minibatch size: passed lr / B^2");
        r.notes.add(c.loss().equals("bce") ? "objective: Tribuo's BinaryCrossEntropy (stable log1p form, no clamp)"
                : "objective: SigmoidSquaredError, a MultiLabelObjective written here: Tribuo 4.3 has no "
                + "sigmoid-output squared-error objective");
        r.notes.add("initial (w0, b0) via a LinearSGDTrainer subclass overriding createParameters; final p from "
                + "the trained LinearSGDModel's predict");
        return r;
    }
}
