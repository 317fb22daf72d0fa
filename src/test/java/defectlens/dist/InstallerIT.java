package defectlens.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.cli.StderrNoise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of what {@code src/dist/make-installers.sh} built in the {@code pre-integration-test} phase
 * (Linux): the app image's launcher prints its version, runs CLI commands on the shipped sample and on a demo
 * image with the shipped model without a warning ({@link StderrNoise}: no WARN, libtorch, SLF4J or Gtk line),
 * opens the window on the demo data (under the display of {@code xvfb-run}) and writes a screenshot; the
 * {@code .deb} unpacks to a launcher that runs and carries the scripts that link {@code /usr/bin/defectlens}.
 * Runs in its own surefire execution after {@code package} (see the pom, profile {@code linux-x86_64}).
 */
class InstallerIT {
    private static final Path DIST = Path.of("target", "dist");
    private static final Path IMAGE = DIST.resolve("defectlens");

    /** What a started process printed. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("smoke", ".out");
        Path err = Files.createTempFile("smoke", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not end within 180 s: " + String.join(" ", command));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String launcher(Path root) {
        return root.resolve("bin").resolve("defectlens").toAbsolutePath().toString();
    }

    @Test
    void appImageRunsTheCliAndTheWindow(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/defectlens")), "app image missing: " + IMAGE);
        Run version = run(tmp, launcher(IMAGE), "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("DefectLens "), version.out());

        Path sample = IMAGE.resolve("lib/app/datasets/wm811k/LSWMD_sample.pkl").toAbsolutePath();
        Run info = run(tmp, launcher(IMAGE), "wafer", "info", sample.toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("layout: LSWMD"), info.out());
        assertEquals(List.of(), StderrNoise.in(info.err()), "no warning on a CLI command");
        Path app = IMAGE.resolve("lib/app").toAbsolutePath();
        Run classify = run(tmp, launcher(IMAGE), "sem", "classify", "--model", app.resolve("models/sem-demo")
                .toString(), "--image", app.resolve("datasets/sem-demo/data/images/sem_000001.jpg").toString());
        assertEquals(0, classify.exit(), classify.err());
        assertEquals(List.of(), StderrNoise.in(classify.err()), "no warning when a network runs on one image");

        Path shot = tmp.resolve("window.png");
        Run window = run(tmp, launcher(IMAGE), "--screenshot=" + shot, "--screenshot-delay=12");
        assertEquals(0, window.exit(), window.err());
        assertTrue(Files.size(shot) > 10_000, "a screenshot of the window");
        assertFalse(window.err().contains("Unsupported JavaFX configuration"), "JavaFX runs on the module path");
        Files.copy(shot, DIST.resolve("smoke-window.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void debianPackageHoldsTheLauncherAndPutsItOnThePath(@TempDir Path tmp) throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(DIST)) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + DIST));
        }
        Run fields = run(tmp, "dpkg-deb", "--field", deb.toAbsolutePath().toString(), "Package", "Architecture");
        assertEquals(0, fields.exit(), fields.err());
        assertTrue(fields.out().contains("Package: defectlens"), fields.out());

        Path root = tmp.resolve("root");
        Path control = tmp.resolve("control");
        assertEquals(0, run(tmp, "dpkg-deb", "-x", deb.toAbsolutePath().toString(), root.toString()).exit());
        assertEquals(0, run(tmp, "dpkg-deb", "-e", deb.toAbsolutePath().toString(), control.toString()).exit());
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("ln -sf /opt/defectlens/bin/defectlens /usr/bin/defectlens"), postinst);
        assertTrue(Files.readString(control.resolve("prerm")).contains("rm -f /usr/bin/defectlens"));

        Path installed = root.resolve("opt/defectlens");
        List<String> missing = new ArrayList<>();
        for (String f : List.of("lib/app/models/sem-demo/model.json", "lib/app/datasets/sem-demo",
                "lib/app/models/wafer-proposed-paper7/model.json")) {
            if (!Files.exists(installed.resolve(f))) {
                missing.add(f);
            }
        }
        assertTrue(missing.isEmpty(), "shipped files in the package: " + missing);
        Run version = run(tmp, launcher(installed), "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("DefectLens "), version.out());
    }
}
