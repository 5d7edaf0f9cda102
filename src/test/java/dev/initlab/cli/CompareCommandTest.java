package dev.initlab.cli;

import static dev.initlab.cli.CliTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initlab.experiment.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: alignment, measures, the tolerance gate and its errors. */
class CompareCommandTest {

    private static final String TORCH = "reference/torch_reference.json#";

    @TempDir
    Path temp;

    private Path run(String name, String... options) {
        Path out = temp.resolve(name);
        String[] args = new String[options.length + 3];
        args[0] = "run";
        args[1] = "--out";
        args[2] = out.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        assertThat(invoke(args).exitCode()).isZero();
        return out.resolve("result.json");
    }

    @Test
    void dl4jMatchesTorchOnTheTutorialMseRunExactly() throws IOException {
        Path dl4j = run("mse");
        Path out = temp.resolve("cmp");
        CliTest.Outcome o = invoke("compare", TORCH + "mse_fixed_tutorial", dl4j.toString(), "--tolerance", "0",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("(pytorch)", "| deeplearning4j | 1000 | 0 | 0 | none | 0 | 0 | 0 |");
        assertThat(out.resolve("compare.png")).exists();
        assertThat(Files.readString(out.resolve("compare.md"))).contains("Baseline: " + TORCH + "mse_fixed_tutorial");
    }

    @Test
    void theToleranceGatesTheExitCode() {
        Path dl4j = run("bce", "--loss", "bce");
        assertThat(invoke("compare", TORCH + "bce_fixed_tutorial", dl4j.toString(), "--tolerance", "1e-5").exitCode())
                .isZero();
        CliTest.Outcome strict = invoke("compare", TORCH + "bce_fixed_tutorial", dl4j.toString(), "--tolerance", "1e-9");
        assertThat(strict.exitCode()).isEqualTo(CompareCommand.EXCEEDED);
        assertThat(strict.out()).contains("step ");
        assertThat(strict.err()).contains("more than the tolerance");
    }

    @Test
    void xentAgainstBceNamesTheDifferingField() {
        Path xent = run("xent", "--loss", "xent");
        CliTest.Outcome o = invoke("compare", TORCH + "bce_fixed_tutorial", xent.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().lines()).hasSize(1).first().asString().contains("configurations differ")
                .contains("loss (bce vs xent)").doesNotContain("seed");
    }

    @Test
    void ignoreLetsADoubleRunBeComparedWithTorchsFloatRun() throws IOException {
        Path dbl = run("double", "--dtype", "double");
        CliTest.Outcome refused = invoke("compare", TORCH + "mse_fixed_tutorial", dbl.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("dtype (float vs double)");
        CliTest.Outcome o = invoke("compare", TORCH + "mse_fixed_tutorial", dbl.toString(), "--ignore", "dtype",
                "--tolerance", "1e-5");
        assertThat(o.exitCode()).as(o.out()).isZero();
        assertThat(invoke("compare", TORCH + "mse_fixed_tutorial", dbl.toString(), "--ignore", "colour").exitCode())
                .isEqualTo(2);
    }

    @Test
    void aPartingStepIsFoundInAnEditedCopy() throws IOException {
        Path original = run("base", "--epochs", "2");
        ObjectNode tree = (ObjectNode) ResultJson.read(original);
        ((ArrayNode) tree.get("iterationLoss")).set(7, tree.get("iterationLoss").get(7).asDouble() + 0.25);
        Path edited = temp.resolve("edited.json");
        Files.writeString(edited, ResultJson.write(tree));
        CliTest.Outcome o = invoke("compare", original.toString(), edited.toString(), "--tolerance", "1e-3");
        assertThat(o.exitCode()).isEqualTo(CompareCommand.EXCEEDED);
        assertThat(o.out()).contains("| 40 | 0.25 | 0.00625 | step 8 |");
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path notResult = Files.writeString(temp.resolve("x.json"), "{\"a\": 1}");
        Path broken = Files.writeString(temp.resolve("y.json"), "{not json");
        String[][] cases = {{"compare", "missing.json", "missing2.json"}, {"compare", notResult.toString(),
                notResult.toString()}, {"compare", broken.toString(), broken.toString()}, {"compare", TORCH + "nope",
                TORCH + "mse_fixed_tutorial"}, {"compare", TORCH + "mse_fixed_tutorial"},
                {"compare", TORCH + "mse_fixed_tutorial", TORCH + "mse_fixed_tutorial", "--tolerance", "-1"}};
        for (String[] args : cases) {
            CliTest.Outcome o = invoke(args);
            assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.err().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }
}
