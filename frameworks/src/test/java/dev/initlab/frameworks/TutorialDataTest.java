package dev.initlab.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TutorialDataTest {
    @Test
    void embeddedPointsAreTheReferencesFloat32Bits() {
        JsonNode root = TorchReference.root();
        float[] x = TutorialData.x();
        float[] y = TutorialData.y();
        for (int i = 0; i < TutorialData.N; i++) {
            assertThat(Integer.toUnsignedLong(Float.floatToRawIntBits(x[i])))
                    .isEqualTo(root.get("xFloat32Bits").get(i).asLong());
            assertThat((double) y[i]).isEqualTo(root.get("y").get(i).asDouble());
        }
        int positives = 0;
        for (float v : y) positives += (int) v;
        assertThat(positives).isEqualTo(17);
    }

    @Test
    void batching() {
        assertThat(TutorialData.batchesPerEpoch(3)).isEqualTo(14);
        assertThat(TutorialData.batchLength(13, 3)).isEqualTo(1);
        assertThat(TutorialData.batchLength(0, 40)).isEqualTo(40);
    }
}
