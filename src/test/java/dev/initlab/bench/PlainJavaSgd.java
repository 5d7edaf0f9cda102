package dev.initlab.bench;

/**
 * The tutorial's MSE training written as a plain float loop: the floor that no framework can beat for this
 * model. Same maths as the DL4J run (forward, MSE, its gradient through the sigmoid, SGD), no framework.
 */
public final class PlainJavaSgd {

    private PlainJavaSgd() {
    }

    /** Trains from (w0, b0); returns {w, b} and fills {@code losses} (one per step) like the listener does. */
    public static float[] trainMse(float[] x, float[] y, float w0, float b0, float lr, int batch, int epochs,
            float[] losses) {
        float w = w0;
        float b = b0;
        int step = 0;
        for (int e = 0; e < epochs; e++) {
            for (int start = 0; start < x.length; start += batch) {
                int end = Math.min(start + batch, x.length);
                float scale = 2f / (end - start);
                float loss = 0f;
                float gw = 0f;
                float gb = 0f;
                for (int i = start; i < end; i++) {
                    float p = (float) (1.0 / (1.0 + Math.exp(-(x[i] * w + b))));
                    float diff = p - y[i];
                    loss += diff * diff;
                    float dz = scale * diff * (1f - p) * p;
                    gw += dz * x[i];
                    gb += dz;
                }
                losses[step++] = loss / (end - start);
                w -= lr * gw;
                b -= lr * gb;
            }
        }
        return new float[] {w, b};
    }
}
