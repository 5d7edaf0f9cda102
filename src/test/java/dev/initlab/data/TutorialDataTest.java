package dev.initlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initlab.parity.TorchReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

class TutorialDataTest {

    @Test
    void inputsAreBitIdenticalToTorchArange() {
        JsonNode bits = TorchReference.root().get("xFloat32Bits");
        float[] x = TutorialData.inputs();
        assertThat(x).hasSize(bits.size());
        for (int i = 0; i < x.length; i++) {
            assertThat(Integer.toUnsignedLong(Float.floatToRawIntBits(x[i])))
                    .as("bits of x[%d] = %s", i, x[i]).isEqualTo(bits.get(i).asLong());
        }
    }

    @Test
    void theNaiveFormulaWouldDifferFromTorch() {
        float[] x = TutorialData.inputs();
        int differing = 0;
        for (int i = 0; i < x.length; i++) {
            differing += x[i] != (float) (-2.0 + 0.1 * i) ? 1 : 0;
        }
        assertThat(differing).as("indices where torch's arange differs from (float)(-2 + 0.1 i)").isPositive();
        assertThat(x[20]).isEqualTo(-5.9604645e-9f);
        assertThat(x[22]).isEqualTo(0.19999999f).isLessThan(0.2f);
    }

    @Test
    void labelsAreComparedInFloatAndMatchTorch() {
        float[] y = TutorialData.labels();
        JsonNode reference = TorchReference.root().get("y");
        for (int i = 0; i < y.length; i++) {
            assertThat((double) y[i]).as("y[%d]", i).isEqualTo(reference.get(i).asDouble());
        }
        assertThat(TutorialData.positives()).isEqualTo(17).isEqualTo(TorchReference.root().get("positives").asInt());
        int positivesInDouble = 0;
        for (int i = 0; i < TutorialData.SIZE; i++) {
            positivesInDouble += -2.0 + 0.1 * i > 0.2 ? 1 : 0;
        }
        assertThat(positivesInDouble).as("float64 data: x[22] = 0.2000000000000002 > 0.2").isEqualTo(18);
    }

    @Test
    void dataSetHoldsTheSamePointsInBothTypes() {
        DataSet floats = TutorialData.dataSet(DataType.FLOAT);
        DataSet doubles = TutorialData.dataSet(DataType.DOUBLE);
        assertThat(floats.getFeatures().shape()).containsExactly(40, 1);
        assertThat(floats.getLabels().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(doubles.getFeatures().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(doubles.getFeatures().toDoubleVector()).containsExactly(floats.getFeatures().toDoubleVector());
        assertThat(floats.getLabels().sumNumber().intValue()).isEqualTo(17);
    }
}
