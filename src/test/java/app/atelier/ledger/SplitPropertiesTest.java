package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SplitPropertiesTest {

    @Property(tries = 10_000)
    void partsAddUpAndNoneIsACentFromItsExactShare(@ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long total,
                                                   @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000_000L) Long> weights) {
        if (weights.stream().allMatch(w -> w == 0)) weights = List.of(1L);
        long[] parts = Split.of(total, weights);
        assertEquals(total, java.util.Arrays.stream(parts).sum());
        BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        for (int i = 0; i < parts.length; i++) {
            // |part - total * weight / sum| < 1  <=>  |part * sum - total * weight| < sum
            BigInteger gap = BigInteger.valueOf(parts[i]).multiply(sum).subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(i))));
            assertTrue(gap.abs().compareTo(sum) < 0, "part " + i + " is a cent or more from its exact share");
        }
    }

    @Test
    void aHundredEurosInThreeEqualSharesGivesTheExtraCentToTheFirst() {
        assertArrayEquals(new long[] {3334, 3333, 3333}, Split.of(10_000, List.of(1L, 1L, 1L)));
    }

    @Test
    void weightsThatAreAllZeroAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Split.of(100, List.of(0L, 0L)));
    }

    @Property(tries = 10_000)
    void amountsTypedInEitherLanguageReadBackToTheSameCents(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long cents) {
        String en = String.format(Locale.ENGLISH, "%,d.%02d", cents / 100, cents % 100);
        String fr = String.format(Locale.FRENCH, "%,d,%02d", cents / 100, cents % 100);
        assertEquals(Optional.of(cents), Amounts.parse(en, Locale.ENGLISH, "EUR"), en);
        assertEquals(Optional.of(cents), Amounts.parse(fr, Locale.FRENCH, "EUR"), fr);
    }

    @Test
    void whatIsNotAnAmountIsRefusedNotGuessed() {
        for (String text : List.of("", " ", "-5", "abc", "12,5", "1.2.3", "12.345", "1,23,456", "1e5", "999999999999999999999", "100000000.01"))
            assertEquals(Optional.empty(), Amounts.parse(text, Locale.ENGLISH, "EUR"), text);
        assertEquals(Optional.of(1250L), Amounts.parse("12,5", Locale.FRENCH, "EUR"));
        assertEquals(Optional.of(123_456L), Amounts.parse("1 234,56", Locale.FRENCH, "EUR"));
        assertEquals(Optional.of(123_456L), Amounts.parse("1.234,56", Locale.FRENCH, "EUR"));
        assertEquals(Optional.of(123_456L), Amounts.parse("1,234.56", Locale.ENGLISH, "EUR"));
        assertEquals(Optional.of(1200L), Amounts.parse("12", Locale.ENGLISH, "EUR"));
    }
}
