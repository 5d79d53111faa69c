package app.atelier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.support.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load figures for a person to read, never a pass-or-fail test: a challenge page with 50 contributions
 * against a trivial route of the same app, measured with wrk. Run with
 * {@code mvn -B test -Dtest=LoadBenchmark -Dbenchmark=true}; figures go to target/benchmark.txt.
 */
class LoadBenchmark {
    private static final int CONTRIBUTIONS = 50;

    @TempDir
    Path dir;

    @Test
    void challengePageAgainstATrivialRoute() {
        assumeTrue(Boolean.getBoolean("benchmark"), "run with -Dbenchmark=true");
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var authors = List.of(site.member("Eve Adams"), site.member("Bob Stone"), site.member("Ada Lovelace"));
            site.clock.advance(java.time.Duration.ofDays(1)); // past a new member's first-day limits
            for (int i = 0; i < CONTRIBUTIONS; i++) {
                var author = authors.get(i % authors.size());
                long id = site.contribute(author, pan.challenge(), "Idea number " + i);
                for (var voter : authors) if (voter != author && i % 3 != 0) voter.post("/contributions/" + id + "/vote");
                site.comment(pan.owner(), id, "Thanks for idea " + i, null);
            }
            String base = "http://localhost:" + site.app.port();
            String session = pan.owner().cookie("atelier_session");
            var report = new ArrayList<String>();
            report.add("Atelier load figures: wrk -t2 -c32 -d10s --latency, after a 5 s warm-up, loopback");
            for (String[] target : new String[][] {
                    {"trivial route /health", base + "/health", null},
                    {"challenge page, 50 contributions, visitor", base + "/challenges/" + pan.challenge(), null},
                    {"challenge page, 50 contributions, signed-in member", base + "/challenges/" + pan.challenge(), session},
                    {"contribution page with comments, visitor", base + "/contributions/1", null}}) {
                wrk(target[1], target[2], "5s");
                report.add("== " + target[0]);
                report.add(wrk(target[1], target[2], "10s"));
            }
            Path out = Path.of("target", "benchmark.txt");
            Files.write(out, report);
            System.out.println(String.join(System.lineSeparator(), report));
        });
    }

    private static String wrk(String url, String session, String duration) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("wrk", "-t2", "-c32", "-d" + duration, "--latency"));
        if (session != null) command.addAll(List.of("-H", "Cookie: atelier_session=" + session));
        command.add(url);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
