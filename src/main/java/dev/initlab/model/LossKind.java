package dev.initlab.model;

import java.util.Locale;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The loss functions a run can train with, and the DL4J object behind each. */
public enum LossKind {
    /** Mean squared error, DL4J's {@link LossMSE} (the same maths as {@code torch.nn.MSELoss}). */
    MSE,
    /** DL4J's stock binary cross-entropy ({@code LossFunction.XENT}); clips p to [1e-5, 1-1e-5]. */
    XENT,
    /** Binary cross-entropy exactly as {@code torch.nn.BCELoss} computes it: {@link TorchBceLoss}. */
    BCE;

    /** A new DL4J loss function object for this kind. */
    public ILossFunction create() {
        return switch (this) {
            case MSE -> new LossMSE();
            case XENT -> new LossBinaryXENT();
            case BCE -> new TorchBceLoss();
        };
    }

    /** The lower-case name used on the command line and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case name; the error lists the valid names. */
    public static LossKind parse(String text) {
        for (LossKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + text + "' (expected one of mse, xent, bce)");
    }
}
