package dev.initlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The tutorial's accuracy: the fraction of points where {@code (p > 0.5) == label}. */
public final class Accuracy {

    private Accuracy() {
    }

    /** Accuracy of the network's current predictions on the data. */
    public static double of(MultiLayerNetwork network, DataSet data) {
        return of(network.output(data.getFeatures(), false), data.getLabels());
    }

    /** Accuracy of predicted probabilities against 0/1 labels (NaN predictions count as wrong). */
    public static double of(INDArray probabilities, INDArray labels) {
        double[] p = probabilities.toDoubleVector();
        double[] y = labels.toDoubleVector();
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] > 0.5;
            boolean actual = y[i] > 0.5;
            correct += !Double.isNaN(p[i]) && predicted == actual ? 1 : 0;
        }
        return (double) correct / p.length;
    }
}
