package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SortTest {
    private static final Pattern SHUFFLE = Pattern.compile("\\(k\\.id \\* (\\d+) \\+ (\\d+)\\) % (\\d+), k\\.id");

    /** The ids in the order the RANDOM clause for this seed puts them, computed as the database would. */
    private static List<Long> shuffled(long seed, long count) {
        var m = SHUFFLE.matcher(Sort.RANDOM.orderBy(seed));
        if (!m.matches()) throw new AssertionError(Sort.RANDOM.orderBy(seed));
        long a = Long.parseLong(m.group(1)), b = Long.parseLong(m.group(2)), p = Long.parseLong(m.group(3));
        return LongStream.rangeClosed(1, count).boxed()
                .sorted(Comparator.comparingLong((Long id) -> (id * a + b) % p).thenComparingLong(id -> id)).toList();
    }

    @Test
    void theRandomOrderIsTheSameForOneMemberAndDiffersBetweenMembers() {
        var first = shuffled(42, 2_000);
        assertEquals(first, shuffled(42, 2_000), "the same at every visit");
        assertEquals(2_000, first.stream().distinct().count(), "each contribution once");
        assertNotEquals(first, shuffled(43, 2_000), "another member, another order");
        assertNotEquals(LongStream.rangeClosed(1, 2_000).boxed().toList(), first, "not simply by id");
    }

    @Test
    void theOtherOrdersAreFixedClausesAndUnknownNamesAreNone() {
        assertEquals("k.vote_count DESC, k.id DESC", Sort.TOP.orderBy(7));
        assertEquals("k.id DESC", Sort.NEWEST.orderBy(7));
        assertEquals(Sort.TRENDING, Sort.fromParam("trending"));
        assertNull(Sort.fromParam("k.id; DROP TABLE vote"));
        assertNull(Sort.fromParam(null));
    }
}
