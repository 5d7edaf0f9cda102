package dev.initlab.experiment;

import dev.initlab.config.RunConfig;
import dev.initlab.train.Trainer;
import dev.initlab.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs every configuration of a {@link GridSpec} and summarises the cells. Prints nothing. */
public final class GridStudy {

    private GridStudy() {
    }

    /** Trains every run in order, telling {@code progress} about each finished run. */
    public static List<TrainingResult> run(GridSpec spec, Consumer<TrainingResult> progress) {
        List<TrainingResult> results = new ArrayList<>();
        for (RunConfig config : spec.runs()) {
            TrainingResult result = Trainer.train(config);
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    /** One summary per (init, loss) cell, in grid order. */
    public static List<GridCell> summarise(List<TrainingResult> results) {
        Map<String, List<TrainingResult>> cells = new LinkedHashMap<>();
        for (TrainingResult r : results) {
            cells.computeIfAbsent(r.config().init().id() + "/" + r.config().loss().id(), k -> new ArrayList<>())
                    .add(r);
        }
        return cells.values().stream().map(GridCell::of).toList();
    }
}
