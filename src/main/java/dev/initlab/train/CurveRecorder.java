package dev.initlab.train;

import dev.initlab.model.NetworkFactory;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A DL4J training listener that records the curves of a run: per iteration the minibatch loss (computed
 * before that step's update, like PyTorch's {@code loss.item()}) and (w, b) after the step; per epoch the
 * mean of the minibatch losses and the accuracy on the whole data set.
 */
public final class CurveRecorder extends BaseTrainingListener {

    private final DataSet evaluationData;
    private final List<Double> iterationLoss = new ArrayList<>();
    private final List<Double> iterationW = new ArrayList<>();
    private final List<Double> iterationB = new ArrayList<>();
    private final List<Double> epochMeanLoss = new ArrayList<>();
    private final List<Double> epochAccuracy = new ArrayList<>();
    private int epochStartIndex;
    private int firstNonFiniteIteration = -1;

    /** A recorder that measures each epoch's accuracy on {@code evaluationData}. */
    public CurveRecorder(DataSet evaluationData) {
        this.evaluationData = evaluationData;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        MultiLayerNetwork network = (MultiLayerNetwork) model;
        double loss = network.score();
        double w = NetworkFactory.weight(network);
        double b = NetworkFactory.bias(network);
        if (firstNonFiniteIteration < 0 && !(Double.isFinite(loss) && Double.isFinite(w) && Double.isFinite(b))) {
            firstNonFiniteIteration = iterationLoss.size();
        }
        iterationLoss.add(loss);
        iterationW.add(w);
        iterationB.add(b);
    }

    @Override
    public void onEpochEnd(Model model) {
        double sum = 0;
        for (int i = epochStartIndex; i < iterationLoss.size(); i++) {
            sum += iterationLoss.get(i);
        }
        epochMeanLoss.add(sum / (iterationLoss.size() - epochStartIndex));
        epochStartIndex = iterationLoss.size();
        epochAccuracy.add(Accuracy.of((MultiLayerNetwork) model, evaluationData));
    }

    /** Loss of each SGD step, before the step's update. */
    public List<Double> iterationLoss() {
        return List.copyOf(iterationLoss);
    }

    /** w after each step. */
    public List<Double> iterationW() {
        return List.copyOf(iterationW);
    }

    /** b after each step. */
    public List<Double> iterationB() {
        return List.copyOf(iterationB);
    }

    /** Mean minibatch loss of each epoch. */
    public List<Double> epochMeanLoss() {
        return List.copyOf(epochMeanLoss);
    }

    /** Accuracy on the whole data after each epoch. */
    public List<Double> epochAccuracy() {
        return List.copyOf(epochAccuracy);
    }

    /** Index (from 0) of the first step whose loss, w or b is not finite, or -1. */
    public int firstNonFiniteIteration() {
        return firstNonFiniteIteration;
    }
}
