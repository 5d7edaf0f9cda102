package dev.initlab.frameworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a runner records: per step loss (before the update), w and b (after); per epoch accuracy. */
public final class RunRecord {
    public final RunConfig config;
    public final String framework;
    public final String frameworkVersion;
    public final String dtype;
    public double initialW;
    public double initialB;
    public final List<Double> iterationLoss = new ArrayList<>();
    public final List<Double> iterationW = new ArrayList<>();
    public final List<Double> iterationB = new ArrayList<>();
    public final List<Double> epochAccuracy = new ArrayList<>();
    public double finalW;
    public double finalB;
    public double accuracy;
    public double finalLoss;
    public Map<String, Object> evaluation = new LinkedHashMap<>();
    /** Learning rate(s) actually handed to the framework, e.g. "2.0" or "full batches 1.0, last batch 4.0". */
    public String passedLearningRate;
    public final List<String> notes = new ArrayList<>();

    public RunRecord(RunConfig config, String framework, String frameworkVersion, String dtype) {
        this.config = config;
        this.framework = framework;
        this.frameworkVersion = frameworkVersion;
        this.dtype = dtype;
    }

    public void step(double loss, double w, double b) {
        iterationLoss.add(loss);
        iterationW.add(w);
        iterationB.add(b);
    }

    /** Mean of each epoch's minibatch losses (sum in double, in order, / count), as the reference does. */
    public List<Double> epochMeanLoss() {
        int per = TutorialData.batchesPerEpoch(config.batchSize());
        List<Double> means = new ArrayList<>();
        for (int e = 0; e * per < iterationLoss.size(); e++) {
            double sum = 0;
            int n = 0;
            for (int i = e * per; i < Math.min((e + 1) * per, iterationLoss.size()); i++) {
                sum += iterationLoss.get(i);
                n++;
            }
            means.add(sum / n);
        }
        return means;
    }

    public Integer firstNonFiniteIteration() {
        for (int i = 0; i < iterationLoss.size(); i++) {
            if (!Double.isFinite(iterationLoss.get(i)) || !Double.isFinite(iterationW.get(i))
                    || !Double.isFinite(iterationB.get(i))) {
                return i;
            }
        }
        return null;
    }

    /** Accuracy, confusion counts, precision, recall, F1 of predictions p against the labels. */
    public static Map<String, Object> evaluate(double[] p, float[] y) {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] > 0.5;
            boolean actual = y[i] > 0.5f;
            if (predicted && actual) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        m.put("accuracy", (tp + tn) / (double) p.length);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
        m.put("TP", tp);
        m.put("FP", fp);
        m.put("TN", tn);
        m.put("FN", fn);
        return m;
    }

    /** Fraction of points with (p > 0.5) == label. */
    public static double accuracy(double[] p, float[] y) {
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] > 0.5) == (y[i] > 0.5f)) ok++;
        }
        return ok / (double) p.length;
    }

    /** torch's BCELoss of one point, in double: logs clamped at -100. */
    public static double bce(double p, double y) {
        return -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100));
    }
}
