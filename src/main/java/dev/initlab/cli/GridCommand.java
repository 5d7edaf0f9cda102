package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.GridCell;
import dev.initlab.experiment.GridSpec;
import dev.initlab.experiment.GridStudy;
import dev.initlab.experiment.Provenance;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.report.GridReport;
import dev.initlab.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grid}: the initialisation x loss comparison grid with its summary, figures and report. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Run every init x loss (random inits over several seeds); write runs/, summary.csv, "
                + "curves-*.png/.svg, grid-loss-curves.png, report.md and report.html.")
final class GridCommand implements Callable<Integer>, PlannedWork {

    @Option(names = "--inits", split = ",", defaultValue = "fixed,xavier,relu,uniform",
            converter = Converters.Init.class, description = "Comma-separated inits (default: ${DEFAULT-VALUE}).")
    List<InitScheme> inits;

    @Option(names = "--losses", split = ",", defaultValue = "mse,xent,bce", converter = Converters.Loss.class,
            description = "Comma-separated losses (default: ${DEFAULT-VALUE}).")
    List<LossKind> losses;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds per random init (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--out", defaultValue = "results/grid", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    StartOptions start;

    @Mixin
    SgdOptions sgd;

    @Override
    public long plannedSteps() {
        try {
            return plannedSteps(spec());
        } catch (IllegalArgumentException invalid) {
            return 0;
        }
    }

    /** Total SGD steps of a grid. */
    static long plannedSteps(GridSpec spec) {
        return spec.runs().stream().mapToLong(RunConfig::totalSteps).sum();
    }

    private GridSpec spec() {
        return new GridSpec(inits, losses, seeds, firstSeed, sgd.toConfig(start, InitScheme.FIXED, LossKind.MSE, 0));
    }

    @Override
    public Integer call() {
        GridSpec spec = spec();
        AtomicFiles.requireWritableFolder(out);
        runGrid(spec, out, System.out);
        return 0;
    }

    /** Runs the grid, printing one line per run, writes its outputs and returns its cells. */
    static List<GridCell> runGrid(GridSpec spec, Path out, PrintStream console) {
        int total = spec.runs().size();
        console.printf("comparison grid: %d runs (%d inits x %d losses, random inits over %d seeds)%n", total,
                spec.inits().size(), spec.losses().size(), spec.seeds());
        int[] done = {0};
        List<TrainingResult> results = GridStudy.run(spec, r -> Console.printGridProgress(console, ++done[0], total, r));
        List<GridCell> cells = GridStudy.summarise(results);
        GridReport.write(out, spec, results, cells, Provenance.current());
        console.println();
        console.print(GridReport.summaryTable(cells));
        console.println();
        console.println("report: " + out.resolve("report.html"));
        return cells;
    }
}
