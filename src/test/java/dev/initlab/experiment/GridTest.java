package dev.initlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initlab.config.RunConfig;
import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import dev.initlab.report.GridReport;
import dev.initlab.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridTest {

    @TempDir
    Path temp;

    private static GridSpec small() {
        return new GridSpec(List.of(InitScheme.FIXED, InitScheme.parse("xavier")), List.of(LossKind.MSE, LossKind.BCE),
                3, 10, new RunConfig(InitScheme.FIXED, -5, -10, LossKind.MSE, 2, 2, 50, 0, Precision.FLOAT));
    }

    @Test
    void standardGridIsFourInitsByThreeLossesWithFiveSeeds() {
        List<RunConfig> runs = GridSpec.standard().runs();
        assertThat(runs).hasSize(3 + 3 * 3 * 5);
        assertThat(runs.stream().map(GridSpec::runName).distinct()).hasSize(runs.size());
        assertThat(runs.get(0).w0()).isEqualTo(-5.0);
    }

    @Test
    void cellsSummariseTheirSeedsAndTheReportIsWritten() throws IOException {
        GridSpec spec = small();
        List<TrainingResult> seen = new ArrayList<>();
        List<TrainingResult> results = GridStudy.run(spec, seen::add);
        assertThat(seen).hasSize(2 + 2 * 3).isEqualTo(results);
        List<GridCell> cells = GridStudy.summarise(results);
        assertThat(cells).hasSize(4);
        GridCell fixedMse = cells.get(0);
        assertThat(fixedMse.init().isFixed()).isTrue();
        assertThat(fixedMse.accuracyMean()).isEqualTo(0.575);
        assertThat(fixedMse.perfectRuns()).isZero();
        assertThat(fixedMse.firstPerfectEpoch()).isEmpty();
        GridCell xavierBce = cells.get(3);
        assertThat(xavierBce.runs()).isEqualTo(3);
        assertThat(xavierBce.accuracyMean()).isEqualTo(1.0);
        assertThat(xavierBce.accuracySd()).isZero();
        assertThat(xavierBce.firstPerfectEpoch()).isPresent();

        GridReport.write(temp, spec, results, cells, Provenance.current());
        assertThat(temp.resolve("runs/xavier-bce-seed12/result.json")).exists();
        assertThat(temp.resolve("runs/fixed-mse/iterations.csv")).exists();
        assertThat(Files.readAllLines(temp.resolve("summary.csv"))).hasSize(5)
                .element(1).asString().startsWith("fixed,mse,1,0.575,0.0,");
        assertThat(temp.resolve("grid-loss-curves.png")).exists();
        assertThat(temp.resolve("curves-bce.svg")).exists();
        String html = Files.readString(temp.resolve("report.html"));
        assertThat(html).contains("<table>", "<img src=\"grid-loss-curves.png\"", "0.575 ± 0.000");
        assertThat(Files.readString(temp.resolve("report.md"))).contains("| xavier | bce | 3 | 1.000 ± 0.000 |");
    }

    @Test
    void gridSpecValidates() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridSpec(List.of(), List.of(LossKind.MSE), 1, 0,
                RunConfig.tutorial(LossKind.MSE))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridSpec(List.of(InitScheme.FIXED),
                List.of(LossKind.MSE), 1001, 0, RunConfig.tutorial(LossKind.MSE)))
                .hasMessageContaining("--seeds");
    }
}
