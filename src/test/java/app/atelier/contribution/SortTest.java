package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.web.Cursor;
import app.atelier.web.HttpProblem;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SortTest {
    @Test
    void shufflesStartAtPlacesSpreadOverAllPlacesTheSameForTheSameSeed() {
        assertEquals(Sort.start(42), Sort.start(42), "the same at every visit");
        var starts = LongStream.range(0, 1_000).map(Sort::start).toArray();
        assertTrue(LongStream.of(starts).allMatch(s -> s >= 0 && s < Sort.SPAN), "within the places");
        assertTrue(LongStream.of(starts).distinct().count() > 990, "members start at places of their own");
        long inLowerHalf = LongStream.of(starts).filter(s -> s < Sort.SPAN / 2).count();
        assertTrue(inLowerHalf > 400 && inLowerHalf < 600, "spread evenly, not bunched: " + inLowerHalf);
    }

    @Test
    void theOrdersAreFixedClausesAndUnknownNamesAreNone() {
        assertEquals("k.vote_count DESC, k.id DESC", Sort.TOP.orderBy());
        assertEquals("k.id DESC", Sort.NEWEST.orderBy());
        assertEquals(Sort.TRENDING, Sort.fromParam("trending"));
        assertNull(Sort.fromParam("k.id; DROP TABLE vote"));
        assertNull(Sort.fromParam(null));
    }

    @Test
    void aCursorReadsBackAsWrittenAndRefusesWhatWeDidNotWrite() {
        for (var cursor : new Cursor[] {new Cursor(37, 81_234), new Cursor(39_383.123456789, 5), new Cursor(-0.5, Long.MAX_VALUE)}) {
            assertEquals(cursor, Cursor.parse(cursor.toString()));
        }
        assertEquals("37_81234", new Cursor(37, 81_234).toString(), "whole keys are written without a decimal point");
        assertNull(Cursor.parse(""));
        for (String bad : new String[] {"abc", "12", "_5", "1_x", "NaN_3", "Infinity_3", "1_2_", "1.5e400_2"}) {
            assertThrows(HttpProblem.BadRequest.class, () -> Cursor.parse(bad), bad);
        }
    }
}
