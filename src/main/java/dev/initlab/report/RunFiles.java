package dev.initlab.report;

import dev.initlab.experiment.CurvesCsv;
import dev.initlab.experiment.ResultJson;
import dev.initlab.io.AtomicFiles;
import dev.initlab.train.TrainingResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the files of one run into a folder: {@code result.json}, {@code iterations.csv},
 * {@code epochs.csv}, {@code loss-curve.png} and {@code loss-curve.svg}. Each file is written atomically.
 */
public final class RunFiles {

    /** File name of the result. */
    public static final String RESULT = "result.json";

    private RunFiles() {
    }

    /** Writes all files of the run; {@code withChart} false skips the two figures. */
    public static void write(Path folder, TrainingResult result, Map<String, Object> provenance,
            boolean withChart) {
        ResultJson.write(folder.resolve(RESULT), result, provenance);
        AtomicFiles.writeString(folder.resolve("iterations.csv"), CurvesCsv.iterations(result));
        AtomicFiles.writeString(folder.resolve("epochs.csv"), CurvesCsv.epochs(result));
        if (withChart) {
            Charts.writePngAndSvg(LossCurveChart.of(result), folder, "loss-curve");
        }
    }
}
