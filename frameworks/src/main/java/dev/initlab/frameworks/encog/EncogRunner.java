package dev.initlab.frameworks.encog;

import dev.initlab.frameworks.RunConfig;
import dev.initlab.frameworks.RunRecord;
import dev.initlab.frameworks.Runner;
import dev.initlab.frameworks.TutorialData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.encog.Encog;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.mathutil.error.ErrorCalculation;
import org.encog.mathutil.error.ErrorCalculationMode;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.error.CrossEntropyErrorFunction;
import org.encog.neural.error.ErrorFunction;
import org.encog.neural.error.LinearErrorFunction;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.back.Backpropagation;

/**
 * Encog 3.4: a BasicNetwork (input layer of 1 with a bias neuron, output layer of 1 with ActivationSigmoid),
 * trained by Encog's own {@link Backpropagation}, one instance per minibatch in data order (pure batch mode,
 * batch size 0: one {@code iteration()} = one SGD step on that minibatch), momentum 0, flat-spot fix off.
 *
 * <p>Translation: Encog sums the minibatch gradients (no 1/B) and its {@link LinearErrorFunction} is the
 * gradient of ½·Σ(p−y)², so torch's MSE step needs lr·2/B (per batch: B is that batch's size). Its
 * {@link CrossEntropyErrorFunction} gives δ = y − p at the sigmoid's input, the gradient of Σ BCE, so torch's
 * BCE step needs lr/B. Encog computes in double.
 *
 * <p>Not used: {@code Propagation.setBatchSize(B)}: its loop counts two per record ({@code lastLearn++} twice
 * in {@code processBatches}), so it updates after ⌈(B+1)/2⌉ records (right only for B = 1, 2), and the
 * error it reports is over the whole epoch, not per step.
 */
public final class EncogRunner implements Runner {

    @Override
    public String framework() {
        return "encog";
    }

    /** The learning rate to hand to Encog for a minibatch of {@code size} points. */
    public static double encogLearningRate(RunConfig c, int size) {
        return c.loss().equals("mse") ? c.learningRate() * 2 / size : c.learningRate() / size;
    }

    public static BasicNetwork network(double w0, double b0) {
        BasicNetwork network = new BasicNetwork();
        network.addLayer(new BasicLayer(null, true, 1));
        network.addLayer(new BasicLayer(new ActivationSigmoid(), false, 1));
        network.getStructure().finalizeStructure();
        network.setWeight(0, 0, 0, w0); // from layer 0 neuron 0 (x) to layer 1 neuron 0
        network.setWeight(0, 1, 0, b0); // neuron 1 of layer 0 is its bias neuron
        return network;
    }

    @Override
    public RunRecord run(RunConfig c) {
        float[] xf = TutorialData.x();
        float[] yf = TutorialData.y();
        ErrorCalculation.setMode(ErrorCalculationMode.MSE); // Encog's default; getError() is then mean (p-y)^2
        BasicNetwork network = network(c.w0(), c.b0());
        RunRecord r = new RunRecord(c, framework(), Encog.VERSION, "double");
        r.initialW = network.getWeight(0, 0, 0);
        r.initialB = network.getWeight(0, 1, 0);
        int batches = TutorialData.batchesPerEpoch(c.batchSize());
        List<Backpropagation> trainers = new ArrayList<>();
        Set<Double> passed = new LinkedHashSet<>();
        for (int k = 0; k < batches; k++) {
            int len = TutorialData.batchLength(k, c.batchSize());
            double[][] in = new double[len][1];
            double[][] ideal = new double[len][1];
            for (int j = 0; j < len; j++) {
                in[j][0] = xf[k * c.batchSize() + j];
                ideal[j][0] = yf[k * c.batchSize() + j];
            }
            double lr = encogLearningRate(c, len);
            passed.add(lr);
            Backpropagation train = new Backpropagation(network, new BasicMLDataSet(in, ideal), lr, 0.0);
            train.setThreadCount(1);
            train.fixFlatSpot(false); // no effect on an output layer in 3.4 (its use is commented out), off anyway
            ErrorFunction ef = c.loss().equals("mse") ? new LinearErrorFunction() : new CrossEntropyErrorFunction();
            train.setErrorFunction(ef);
            trainers.add(train);
        }
        r.passedLearningRate = passed.size() == 1 ? String.valueOf(passed.iterator().next())
                : "per minibatch size: " + passed;
        double[] p = new double[TutorialData.N];
        for (int e = 0; e < c.epochs(); e++) {
            for (int k = 0; k < batches; k++) {
                Backpropagation train = trainers.get(k);
                double loss = c.loss().equals("mse") ? Double.NaN : batchBce(network, xf, yf, k, c.batchSize());
                train.iteration();
                if (c.loss().equals("mse")) {
                    loss = train.getError(); // ErrorCalculation MSE of the forward pass before the update
                }
                r.step(loss, network.getWeight(0, 0, 0), network.getWeight(0, 1, 0));
            }
            predict(network, xf, p);
            r.epochAccuracy.add(RunRecord.accuracy(p, yf));
        }
        r.finalW = network.getWeight(0, 0, 0);
        r.finalB = network.getWeight(0, 1, 0);
        predict(network, xf, p);
        r.accuracy = RunRecord.accuracy(p, yf);
        r.evaluation = RunRecord.evaluate(p, yf);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += c.loss().equals("mse") ? (p[i] - yf[i]) * (p[i] - yf[i]) : RunRecord.bce(p[i], yf[i]);
        }
        r.finalLoss = sum / p.length;
        r.notes.add("Encog computes in double (float32 inputs widened); Backpropagation, momentum 0, one instance "
                + "per minibatch in pure-batch mode, one iteration() per SGD step");
        r.notes.add(c.loss().equals("mse")
                ? "LinearErrorFunction = gradient of 1/2 * sum (p-y)^2 over the minibatch: passed lr * 2 / B"
                : "CrossEntropyErrorFunction = gradient of sum BCE over the minibatch: passed lr / B");
        r.notes.add(c.loss().equals("mse") ? "iterationLoss: Encog's own train.getError() (ErrorCalculationMode.MSE)"
                : "iterationLoss: BCELoss computed from Encog's network.compute() outputs (Encog's LOGLOSS mode "
                + "is -mean(y log p) only, not binary cross-entropy)");
        return r;
    }

    private static double batchBce(BasicNetwork network, float[] x, float[] y, int k, int batchSize) {
        int len = TutorialData.batchLength(k, batchSize);
        double sum = 0;
        for (int j = 0; j < len; j++) {
            int i = k * batchSize + j;
            double p = network.compute(new BasicMLData(new double[] {x[i]})).getData(0);
            sum += RunRecord.bce(p, y[i]);
        }
        return sum / len;
    }

    private static void predict(BasicNetwork network, float[] x, double[] p) {
        for (int i = 0; i < x.length; i++) {
            p[i] = network.compute(new BasicMLData(new double[] {x[i]})).getData(0);
        }
    }
}
