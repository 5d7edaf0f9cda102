package dev.initlab.model;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type a network computes in: float32 (the default, as in PyTorch) or float64. */
public enum Precision {
    FLOAT(DataType.FLOAT),
    DOUBLE(DataType.DOUBLE);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    /** The ND4J data type. */
    public DataType dataType() {
        return dataType;
    }

    /** The lower-case name used on the command line and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "float" or "double". */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.id().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + text + "' (expected float or double)");
    }
}
