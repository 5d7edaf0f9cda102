package dev.initlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initlab.experiment.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    @TempDir
    Path temp;

    /** What one in-process invocation printed and returned. */
    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome invoke(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = InitLab.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @ParameterizedTest(name = "run {0}")
    @ValueSource(strings = {"--lr -1", "--lr NaN", "--lr Infinity", "--lr 0", "--batch-size 0", "--batch-size 41",
            "--epochs 0", "--epochs 100000000", "--init foo", "--loss bar", "--lr abc", "--batch-size 2.5",
            "--dtype half", "--seed x", "--seed -1", "--w0 NaN", "--unknown-option 1", "--init distribution"})
    void badInputGetsOneLineAndNoFiles(String arguments) throws IOException {
        Path out = temp.resolve("out");
        String[] args = Stream.concat(Stream.of("run", "--out", out.toString()),
                Stream.of(arguments.split(" "))).toArray(String[]::new);
        Outcome o = invoke(args);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().lines()).hasSize(1);
        assertThat(o.err()).startsWith("initlab: error: ").doesNotContain("Exception", "\tat ");
        assertThat(o.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputPathThatIsAFileIsRejected() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "keep me");
        for (Path out : new Path[] {file, file.resolve("below")}) {
            Outcome o = invoke("run", "--out", out.toString(), "--epochs", "1");
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.err().lines()).hasSize(1).allMatch(l -> l.startsWith("initlab: error: output"));
        }
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void gridRejectsBadSeedsAndLists() {
        assertThat(invoke("grid", "--seeds", "0", "--out", temp.resolve("g").toString()).exitCode()).isEqualTo(2);
        assertThat(invoke("grid", "--losses", "mse,nope", "--out", temp.resolve("g").toString()).err())
                .contains("unknown loss 'nope'");
        assertThat(invoke("grid", "--first-seed", "-1", "--out", temp.resolve("g").toString()).err())
                .contains("--first-seed");
        assertThat(temp.resolve("g")).doesNotExist();
    }

    @Test
    void runWritesEveryFileAndNoTemporaries() throws IOException {
        Path out = temp.resolve("run");
        Outcome o = invoke("run", "--loss", "bce", "--batch-size", "4", "--epochs", "3", "--out", out.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("accuracy: ");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("result.json",
                    "iterations.csv", "epochs.csv", "loss-curve.png", "loss-curve.svg");
        }
        JsonNode result = ResultJson.read(out.resolve("result.json"));
        assertThat(result.get("iterationLoss")).hasSize(30);
        assertThat(Files.readAllLines(out.resolve("iterations.csv"))).hasSize(31).first().isEqualTo("iteration,epoch,loss,w,b");
        assertThat(Files.readAllLines(out.resolve("epochs.csv"))).hasSize(4);
        assertThat(Files.readAllBytes(out.resolve("loss-curve.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(out.resolve("loss-curve.svg"))).contains("<svg");
    }

    @Test
    void aDivergingRunNamesTheFirstNonFiniteIterationAndStillWrites() {
        Path out = temp.resolve("diverged");
        Outcome o = invoke("run", "--lr", "1e39", "--epochs", "2", "--out", out.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.err()).contains("diverged").contains("iteration 1 ");
        JsonNode result = ResultJson.read(out.resolve("result.json"));
        assertThat(result.get("firstNonFiniteIteration").asInt()).isZero();
        assertThat(result.get("finalParams").get("w").asText()).isEqualTo("NaN");
    }

    @Test
    void tutorialPrintsWhatTheTutorialsReaderSaw() {
        Path out = temp.resolve("tutorial");
        Outcome o = invoke("tutorial", "--out", out.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("initial weights: w = -5.0, b = -10.0", "Done!", "accuracy: 0.575",
                "final weights: w = -3.5146594, b = -10.764264");
        assertThat(o.out().lines().filter(l -> l.startsWith("epoch = "))).hasSize(50);
        assertThat(out.resolve("loss-curve.png")).exists();
        assertThat(ResultJson.read(out.resolve("result.json")).get("accuracy").asDouble()).isEqualTo(0.575);
    }

    @Test
    void noChartSkipsTheFigures() {
        Path out = temp.resolve("nochart");
        assertThat(invoke("run", "--no-chart", "--epochs", "1", "--out", out.toString()).exitCode()).isZero();
        assertThat(out.resolve("result.json")).exists();
        assertThat(out.resolve("loss-curve.png")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basin --resolution 0", "basin --resolution -5", "basin --resolution 100000",
            "basin --w0 5:1", "basin --b0 a:b", "basin --w0 3", "basin --loss mse,foo", "basin --lr 0",
            "landscape --resolution 1", "landscape --w 1:1", "landscape --random-runs 99",
            "landscape --loss nope"})
    void studiesRejectBadRangesAndSizes(String arguments) {
        Path out = temp.resolve("study");
        String[] args = Stream.concat(Stream.of(arguments.split(" ")), Stream.of("--out", out.toString()))
                .toArray(String[]::new);
        Outcome o = invoke(args);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().lines()).hasSize(1).allMatch(l -> l.startsWith("initlab: error: "));
        assertThat(out).doesNotExist();
    }

    @Test
    void basinWritesItsCsvMapsAndSummary() throws IOException {
        Path out = temp.resolve("basin");
        Outcome o = invoke("basin", "--resolution", "5", "--epochs", "3", "--out", out.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("| mse |", "| bce |", "µs per model-step");
        java.util.List<String> csv = Files.readAllLines(out.resolve("basin.csv"));
        assertThat(csv).hasSize(1 + 25 * 2).first().isEqualTo("w0,b0,loss,finalW,finalB,accuracy,finalLoss");
        assertThat(csv.get(1)).startsWith("-20.0,-20.0,mse,");
        for (String f : new String[] {"basin-mse.png", "basin-mse.svg", "basin-bce.png", "basin-accuracy.png",
                "basin-summary.md"}) {
            assertThat(out.resolve(f)).exists();
        }
    }

    @Test
    void basinOutputIsTheSameBytesEveryTime() throws IOException {
        Path first = temp.resolve("basin-1");
        Path second = temp.resolve("basin-2");
        for (Path out : new Path[] {first, second}) {
            assertThat(invoke("basin", "--resolution", "6", "--epochs", "2", "--loss", "xent,bce", "--out",
                    out.toString()).exitCode()).isZero();
        }
        assertThat(Files.readAllBytes(second.resolve("basin.csv"))).isEqualTo(Files.readAllBytes(first.resolve("basin.csv")));
        assertThat(Files.readString(second.resolve("basin-summary.md")))
                .isEqualTo(Files.readString(first.resolve("basin-summary.md")));
    }

    @Test
    void landscapeWritesItsCsvAndMaps() throws IOException {
        Path out = temp.resolve("landscape");
        Outcome o = invoke("landscape", "--resolution", "7", "--epochs", "2", "--random-runs", "1", "--out",
                out.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("landscape.csv"))).hasSize(1 + 49 * 3).first()
                .isEqualTo("w,b,loss,value,gradNorm");
        for (String f : new String[] {"landscape.png", "gradient-norm.png", "landscape-mse.svg", "gradient-bce.png"}) {
            assertThat(out.resolve(f)).exists();
        }
    }

    @Test
    void helpAndVersionWork() {
        assertThat(invoke("--help").out()).contains("tutorial", "run", "grid", "--out");
        assertThat(invoke("run", "--help").out()).contains("--init", "--loss", "--batch-size", "--dtype");
        assertThat(invoke("--version").out()).contains("1.0.0-M2.1");
    }
}
