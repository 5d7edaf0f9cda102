package dev.initlab.report;

import dev.initlab.data.TutorialData;

/** Facts about how saturated the sigmoid is at a given start, for the reports' explanations. */
public final class SaturationFacts {

    private SaturationFacts() {
    }

    /** The largest sigmoid(w·x + b) over the points labelled 1 (computed in double). */
    public static double largestPositiveProbability(double w, double b) {
        float[] x = TutorialData.inputs();
        float[] y = TutorialData.labels();
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0.5f) {
                largest = Math.max(largest, 1.0 / (1.0 + Math.exp(-(w * x[i] + b))));
            }
        }
        return largest;
    }
}
