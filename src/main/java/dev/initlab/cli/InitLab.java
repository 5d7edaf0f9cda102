package dev.initlab.cli;

import dev.initlab.config.RunConfig;
import dev.initlab.experiment.BasinStudy;
import dev.initlab.experiment.GridCell;
import dev.initlab.experiment.GridSpec;
import dev.initlab.experiment.LandscapeStudy;
import dev.initlab.model.InitScheme;
import dev.initlab.report.LabReport;
import dev.initlab.train.TrainingResult;
import java.util.List;
import dev.initlab.experiment.Provenance;
import dev.initlab.io.AtomicFiles;
import dev.initlab.model.LossKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line. Without a subcommand it reproduces the tutorial as its reader saw it, then runs the
 * comparison grid, the loss landscape and the basin map; {@code tutorial}, {@code run} and {@code grid} do one of those with options.
 */
@Command(name = "initlab", mixinStandardHelpOptions = true, versionProvider = InitLab.Version.class,
        subcommands = {TutorialCommand.class, RunCommand.class, GridCommand.class, BasinCommand.class,
                LandscapeCommand.class, CompareCommand.class},
        description = "A DL4J laboratory for weight initialisation: the PyTorch tutorial's logistic regression, "
                + "its bad start (w = -5, b = -10) and better ones.")
public final class InitLab implements Callable<Integer>, PlannedWork {

    /** Exit code for bad input. */
    static final int USAGE_ERROR = 2;
    /** Exit code for a failure while running. */
    static final int RUN_ERROR = 1;
    /** Random SGD paths per loss drawn on the default job's landscape. */
    static final int LANDSCAPE_RANDOM_RUNS = 2;

    @Option(names = "--out", defaultValue = "results",
            description = "Output folder of the default job (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * The default job: the tutorial's MSE run as the tutorial prints it, the comparison grid, the loss
     * landscape and the basin map, each into its own folder, and a front page {@code report.html}.
     */
    @Override
    public Integer call() {
        AtomicFiles.requireWritableFolder(out);
        TrainingResult tutorial = TutorialCommand.run(LossKind.MSE, out.resolve("tutorial"));
        System.out.println();
        List<GridCell> grid = GridCommand.runGrid(GridSpec.standard(), out.resolve("grid"), System.out);
        System.out.println();
        List<LandscapeStudy.LossLandscape> landscapes = LandscapeCommand.runLandscape(LandscapeCommand.defaultGrid(),
                List.of(LossKind.values()), RunConfig.tutorial(LossKind.MSE), InitScheme.parse("xavier"),
                LANDSCAPE_RANDOM_RUNS, out.resolve("landscape"));
        System.out.println();
        List<BasinStudy.LossMap> basin = BasinCommand.runBasin(BasinCommand.defaultGrid(),
                List.of(LossKind.MSE, LossKind.BCE), BasinCommand.tutorialSettings(), out.resolve("basin"));
        LabReport.write(out, tutorial, grid, landscapes, basin);
        System.out.println();
        System.out.println("report: " + out.resolve("report.html"));
        return 0;
    }

    @Override
    public long plannedSteps() {
        return RunConfig.tutorial(LossKind.MSE).totalSteps() + GridCommand.plannedSteps(GridSpec.standard())
                + (long) LossKind.values().length * (1 + LANDSCAPE_RANDOM_RUNS) * RunConfig.tutorial(LossKind.MSE)
                .totalSteps();
    }

    /** Runs the command line in this JVM and returns the exit code (ND4J's memory settings left alone). */
    public static int execute(String... args) {
        return execute(false, args);
    }

    /**
     * Runs the command line and returns the exit code; with {@code choosesMemoryPolicy} the command's planned
     * work decides, before ND4J loads, whether native pointers are tracked ({@link NativeMemoryPolicy}).
     */
    static int execute(boolean choosesMemoryPolicy, String... args) {
        CommandLine commandLine = new CommandLine(new InitLab());
        if (choosesMemoryPolicy) {
            commandLine.setExecutionStrategy(parsed -> {
                Object command = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1)
                        .getCommand();
                if (command instanceof PlannedWork work) {
                    NativeMemoryPolicy.apply(work.plannedSteps());
                }
                return new CommandLine.RunLast().execute(parsed);
            });
        }
        commandLine.setParameterExceptionHandler((e, a) -> {
            printError(e.getCommandLine().getErr(), e.getMessage() + " (see --help)");
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                printError(cl.getErr(), e.getMessage());
                return USAGE_ERROR;
            }
            printError(cl.getErr(), describe(e));
            if (System.getenv("INITLAB_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return RUN_ERROR;
        });
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(true, args);
        } catch (OutOfMemoryError e) {
            System.err.println("initlab: error: out of memory (" + e.getMessage() + "); give the JVM more with "
                    + "INITLAB_JAVA_OPTS=-Xmx2g or choose a smaller grid");
            code = RUN_ERROR;
        }
        System.exit(code);
    }

    private static void printError(PrintWriter err, String message) {
        err.println("initlab: error: " + message.replace('\n', ' ').trim());
        err.flush();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + " (set INITLAB_DEBUG=1 for the stack trace)";
    }

    /** Prints the tool's and DL4J's versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"initlab (DL4J " + Provenance.frameworkVersion() + ")"};
        }
    }
}
