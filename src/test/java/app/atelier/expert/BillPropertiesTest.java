package app.atelier.expert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The bill of a session, over 10,000 random sessions of every length, rate, free minutes and minutes used. */
class BillPropertiesTest {

    @Property(tries = 10_000)
    void whatIsBilledAndWhatIsReleasedAddUpToWhatWasHeldAndTheFreeMinutesAreNeverBilled(
            @ForAll @IntRange(min = 5, max = 240) int planned, @ForAll @IntRange(min = 0, max = 60) int free,
            @ForAll @LongRange(min = 1, max = 10_000_000) long perMinute, @ForAll @LongRange(min = -5, max = 100_000) long elapsedSeconds) {
        long held = Bill.held(planned, free, perMinute);
        var bill = Bill.of(Bill.minutes(elapsedSeconds * 1000), planned, free, perMinute);

        assertTrue(held >= 0 && bill.cost() >= 0 && bill.released() >= 0, "a hold never goes below zero");
        assertEquals(held, bill.cost() + bill.released(), "billed plus released is what was held");
        assertTrue(bill.minutesUsed() <= planned, "never more minutes than planned");
        assertEquals(Math.max(0, bill.minutesUsed() - free), bill.billedMinutes(), "the free minutes first");
        assertEquals(bill.billedMinutes() * perMinute, bill.cost(), "each billed minute at the rate");
        if (bill.minutesUsed() <= free) assertEquals(0, bill.cost(), "a session within its free minutes costs nothing");
        if (elapsedSeconds > 0) assertTrue(bill.minutesUsed() * 60 >= Math.min(elapsedSeconds, planned * 60L), "each begun minute counts");
    }
}
