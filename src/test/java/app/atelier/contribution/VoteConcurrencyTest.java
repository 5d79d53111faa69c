package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class VoteConcurrencyTest {
    private static final int VOTERS = 50;
    private static final int CLICKS = 6;

    @TempDir
    Path dir;

    @Test
    void fiftyVotersClickingAtOnceLeaveACountEqualToTheVotes() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            long id = site.contribute(site.member("Eve Adams"), pan.challenge(), "Hollow handle");
            ExecutorService pool = Executors.newFixedThreadPool(VOTERS);
            try {
                // Signing up hashes a password: at most four at once (more are turned away), so the voters arrive four by four.
                List<Browser> voters = Executors.newFixedThreadPool(4).invokeAll(IntStream.range(0, VOTERS)
                        .mapToObj(i -> (java.util.concurrent.Callable<Browser>) () -> {
                            var voter = site.member("Voter " + (char) ('a' + i % 26) + (char) ('a' + i / 26));
                            voter.csrf();
                            return voter;
                        }).toList()).stream().map(VoteConcurrencyTest::join).toList();

                var start = new CountDownLatch(1);
                var failures = new ConcurrentLinkedQueue<String>();
                List<Future<?>> clicks = new ArrayList<>();
                for (Browser voter : voters) {
                    clicks.add(pool.submit(() -> {
                        start.await();
                        // vote, unvote, vote... an odd number of clicks ends on a vote for half the voters
                        int times = voter.memberId % 2 == 0 ? CLICKS : CLICKS + 1;
                        for (int c = 0; c < times; c++) {
                            var response = voter.post("/contributions/" + id + (c % 2 == 0 ? "/vote" : "/unvote"));
                            if (response.code() != 302) failures.add(response.code() + " " + response.body().string());
                        }
                        return null;
                    }));
                }
                start.countDown();
                clicks.forEach(VoteConcurrencyTest::join);
                assertEquals(List.of(), List.copyOf(failures), "no click failed, none met a locked database");
            } finally {
                pool.shutdownNow();
            }
            long rows = site.count("SELECT count(*) FROM vote WHERE contribution_id = ?", id);
            assertEquals(rows, site.count("SELECT vote_count FROM contribution WHERE id = ?", id));
            assertEquals(VOTERS / 2, rows);
        });
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
