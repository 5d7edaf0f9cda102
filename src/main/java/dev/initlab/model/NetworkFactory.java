package dev.initlab.model;

import dev.initlab.config.RunConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Builds the tutorial's model as a DL4J network: one {@link OutputLayer} with one input, one output and a
 * sigmoid, trained by plain SGD. This is logistic regression, {@code sigmoid(w * x + b)}.
 */
public final class NetworkFactory {

    /** Parameter key of the weight of the single layer. */
    public static final String WEIGHT_KEY = "0_" + DefaultParamInitializer.WEIGHT_KEY;
    /** Parameter key of the bias of the single layer. */
    public static final String BIAS_KEY = "0_" + DefaultParamInitializer.BIAS_KEY;

    private NetworkFactory() {
    }

    /** A new, initialised network for the configuration; a fixed start has (w0, b0) already written. */
    public static MultiLayerNetwork create(RunConfig config) {
        WeightInit weightInit = config.init().weightInit().orElse(WeightInit.ZERO);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(dl4jSeed(config.seed()))
                .dataType(config.precision().dataType())
                .updater(new Sgd(config.learningRate()))
                .miniBatch(true)
                .list()
                .layer(new OutputLayer.Builder(config.loss().create())
                        .nIn(1).nOut(1)
                        .activation(Activation.SIGMOID)
                        .weightInit(weightInit)
                        .biasInit(0.0)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        if (config.init().isFixed()) {
            network.getParam(WEIGHT_KEY).assign(config.w0());
            network.getParam(BIAS_KEY).assign(config.b0());
        }
        return network;
    }

    /**
     * The seed handed to DL4J: the run's seed + 1. DL4J does not reproduce its draws for seed 0 (two networks
     * built with seed 0 start from different weights), so the run's seeds 0, 1, 2, ... become 1, 2, 3, ...
     */
    public static long dl4jSeed(long seed) {
        return seed + 1;
    }

    /** The current weight w. */
    public static double weight(MultiLayerNetwork network) {
        return network.getParam(WEIGHT_KEY).getDouble(0);
    }

    /** The current bias b. */
    public static double bias(MultiLayerNetwork network) {
        return network.getParam(BIAS_KEY).getDouble(0);
    }
}
