// Shared set-up for the initlab notebooks. Load it in the first code cell with:
//     %load setup.jsh
// (the path is relative to the kernel's working directory, which is the notebook's folder).
// Keep this file free of heavy work: every notebook runs it.

// The kernel's own start-up imports (java.util.*, java.io.*, ... and the static import of
// Global.display) form one JShell snippet; importing one of those packages again replaces that
// snippet and silently drops `display`. Re-import `display` on its own first, so that any import
// in a notebook (e.g. `import java.util.*;`) is harmless.
import static org.rapaio.jupyter.kernel.global.Global.*;

import java.awt.image.BufferedImage;
import java.util.*;
import java.util.stream.*;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;

import dev.initlab.config.*;
import dev.initlab.data.*;
import dev.initlab.model.*;
import dev.initlab.train.*;

/** True when INITLAB_NOTEBOOK_QUICK=1: notebooks should shrink their workloads (CI, tests). */
boolean QUICK = "1".equals(System.getenv("INITLAB_NOTEBOOK_QUICK"));

/** Pick the full-size or the quick value of a workload parameter. */
int quickOr(int full, int quick) { return QUICK ? quick : full; }

/** Absolute path of the project root (set by the kernel spec), for reading project files. */
String PROJECT_DIR = Objects.requireNonNullElse(System.getenv("INITLAB_PROJECT_DIR"), "..");

/**
 * Print a value the test suite can verify: one line "CHECK key=value".
 * Doubles are printed with Double.toString, i.e. with full round-trip precision.
 */
void check(String key, Object value) {
    if (!key.matches("[A-Za-z0-9_.\\-/]+")) {
        throw new IllegalArgumentException("CHECK key must match [A-Za-z0-9_.-/]+: " + key);
    }
    System.out.println("CHECK " + key + "=" + value);
}

/** A line chart with the lab's default size and style. */
XYChart xyChart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(640).height(400)
            .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(0);
    return chart;
}

/** Render any XChart chart as a PNG image inline in the notebook (output type image/png). */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    org.rapaio.jupyter.kernel.global.Global.display(image);
}
