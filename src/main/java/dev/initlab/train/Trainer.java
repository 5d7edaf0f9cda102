package dev.initlab.train;

import dev.initlab.config.RunConfig;
import dev.initlab.data.TutorialData;
import dev.initlab.model.NetworkFactory;
import java.util.OptionalInt;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains the tutorial's network for one {@link RunConfig} with DL4J's own {@code fit} loop and listener
 * mechanism, and returns what a {@link CurveRecorder} saw. Prints nothing.
 */
public final class Trainer {

    private Trainer() {
    }

    /** Runs the configuration to the end (a diverging run is not stopped; it is flagged in the result). */
    public static TrainingResult train(RunConfig config) {
        DataSet data = TutorialData.dataSet(config.precision().dataType());
        MultiLayerNetwork network = NetworkFactory.create(config);
        double initialW = NetworkFactory.weight(network);
        double initialB = NetworkFactory.bias(network);

        CurveRecorder recorder = new CurveRecorder(data);
        network.setListeners(recorder);
        network.fit(new MinibatchIterator(data, config.batchSize()), config.epochs());

        INDArray probabilities = network.output(data.getFeatures(), false);
        int nonFinite = recorder.firstNonFiniteIteration();
        return new TrainingResult(config, initialW, initialB, recorder.iterationLoss(), recorder.iterationW(),
                recorder.iterationB(), recorder.epochMeanLoss(), recorder.epochAccuracy(),
                NetworkFactory.weight(network), NetworkFactory.bias(network),
                Accuracy.of(probabilities, data.getLabels()), network.score(data, false),
                BinaryEvaluation.of(data.getLabels(), probabilities),
                nonFinite < 0 ? OptionalInt.empty() : OptionalInt.of(nonFinite));
    }
}
