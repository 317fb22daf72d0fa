package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every crafted hostile-input case of {@code src/test/resources/fuzz/<area>/cases.json} through the CLI entry
 * point in-process: the exit code, exactly one {@code error:} line naming the file (for exit 2), no stack trace, and
 * at most 60 s per case. Each area's files are made by the generator script committed beside them. {@code mvn verify}
 * runs this class alone in a JVM with a 2 GB heap (surefire execution {@code hostile-input-corpus}).
 */
class FuzzCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "fuzz");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(int code, String out, String err) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseEndsCleanly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> areas = Files.list(CORPUS)) {
            for (Path area : areas.filter(Files::isDirectory).sorted().toList()) {
                Path cases = area.resolve("cases.json");
                if (!Files.isRegularFile(cases)) {
                    continue;
                }
                for (JsonNode c : JSON.readTree(cases.toFile())) {
                    String name = area.getFileName() + "/" + c.get("name").asText();
                    tests.add(DynamicTest.dynamicTest(name, () -> runCase(area.toAbsolutePath(), c)));
                }
            }
        }
        return tests.stream();
    }

    private static void runCase(Path area, JsonNode c) throws IOException {
        Path tmp = Files.createTempDirectory("fuzz-");
        try {
            String setup = c.hasNonNull("setup") ? c.get("setup").asText() : "";
            Path copy = tmp.resolve("copy");
            prepare(setup, area, tmp, copy);
            List<String> args = new ArrayList<>();
            for (JsonNode a : c.get("args")) {
                args.add(a.asText().replace("{dir}", area.toString()).replace("{tmp}", tmp.toString())
                        .replace("{copy}", copy.toString()));
            }
            Outcome o = assertTimeoutPreemptively(LIMIT, () -> run(args.toArray(String[]::new)), "over 60 s");
            int expected = c.has("exit") ? c.get("exit").asInt() : 2;
            String shown = "exit " + o.code() + "\nstdout:\n" + o.out() + "\nstderr:\n" + o.err();
            assertEquals(expected, o.code(), shown);
            List<String> lines = Arrays.asList(o.err().split("\\R"));
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.matches("\\s+at [\\w$.]+\\(.*")
                    || l.contains("Exception in thread")), "a stack trace on stderr:\n" + shown);
            if (expected == 2) {
                long errors = lines.stream().filter(l -> l.startsWith("error: ")).count();
                assertEquals(1, errors, "exactly one error: line\n" + shown);
            }
            for (JsonNode s : c.path("stderr")) {
                assertTrue(o.err().contains(s.asText()), "stderr lacks '" + s.asText() + "'\n" + shown);
            }
            for (JsonNode s : c.path("stdout")) {
                assertTrue(o.out().contains(s.asText()), "stdout lacks '" + s.asText() + "'\n" + shown);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The runner's built-in setups: a named pipe, a private copy of the area, a folder nobody may write. */
    private static void prepare(String setup, Path area, Path tmp, Path copy) throws IOException {
        switch (setup) {
            case "" -> {
            }
            case "fifo" -> {
                try {
                    Process p = new ProcessBuilder("mkfifo", tmp.resolve("pipe").toString()).inheritIO().start();
                    assertEquals(0, p.waitFor(), "mkfifo");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            case "copy" -> copyTree(area, copy);
            case "readonly-dir" -> {
                Path ro = Files.createDirectory(tmp.resolve("ro"));
                assertTrue(ro.toFile().setWritable(false, false), "read-only folder");
            }
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true, false);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
