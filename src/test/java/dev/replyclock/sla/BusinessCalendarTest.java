package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business hours in Paris (09:00-12:30, 13:30-18:00 on weekdays, French public holidays), DST included. */
class BusinessCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BusinessCalendar paris = paris();

    private static BusinessCalendar paris() {
        Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(d, List.of(new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(12, 30)),
                    new BusinessCalendar.Interval(LocalTime.of(13, 30), LocalTime.of(18, 0))));
        }
        hours.put(DayOfWeek.SUNDAY, List.of(new BusinessCalendar.Interval(LocalTime.of(1, 0), LocalTime.of(4, 0))));
        return new BusinessCalendar("paris", PARIS, hours, Holidays.of("FR"));
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void deadlineInsideOpenHoursIsPlainAddition() {
        assertEquals(at("2026-11-24T10:15"), paris.plusBusinessTime(at("2026-11-24T10:00"), Duration.ofMinutes(15)));
    }

    @Test
    void aMessageBeforeOpeningStartsTheClockAtOpening() {
        assertEquals(at("2026-11-24T09:15"), paris.plusBusinessTime(at("2026-11-24T07:40"), Duration.ofMinutes(15)));
    }

    @Test
    void theDeadlineCarriesOverTheLunchBreak() {
        assertEquals(at("2026-11-24T13:40"), paris.plusBusinessTime(at("2026-11-24T12:25"), Duration.ofMinutes(15)));
    }

    @Test
    void theDeadlineCarriesOverTheWeekend() {
        // Friday 17:55 + 15 min: 5 minutes on Friday, then Sunday's 01:00-04:00 slot is open in this calendar
        assertEquals(at("2026-11-29T01:10"), paris.plusBusinessTime(at("2026-11-27T17:55"), Duration.ofMinutes(15)));
        // Friday 17:55 + 4 h: 5 min Friday, 3 h Sunday night, 55 min Monday morning
        assertEquals(at("2026-11-30T09:55"), paris.plusBusinessTime(at("2026-11-27T17:55"), Duration.ofHours(4)));
    }

    @Test
    void christmasIsSkipped() {
        assertTrue(Holidays.of("FR").test(LocalDate.of(2026, 12, 25)));
        // Thursday 24 Dec 17:50 + 30 min: 10 min on the 24th, Friday the 25th is closed, Sunday night 20 min
        assertEquals(at("2026-12-27T01:20"), paris.plusBusinessTime(at("2026-12-24T17:50"), Duration.ofMinutes(30)));
    }

    @Test
    void springForwardKeepsLocalHours() {
        // Sunday 29 March 2026: 02:00 becomes 03:00 in Paris; the 01:00-04:00 slot is two real hours long.
        Instant start = at("2026-03-29T01:00");
        assertEquals(Duration.ofHours(2), paris.businessTimeBetween(start, at("2026-03-29T05:00")));
        assertEquals(at("2026-03-30T09:30"), paris.plusBusinessTime(start, Duration.ofMinutes(150)));
    }

    @Test
    void fallBackKeepsLocalHours() {
        // Sunday 25 October 2026: 03:00 becomes 02:00 again; the 01:00-04:00 slot is four real hours long.
        assertEquals(Duration.ofHours(4), paris.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-25T06:00")));
    }

    @Test
    void businessTimeBetweenCountsOnlyOpenTime() {
        // Tuesday 3 h 30 + 4 h 30, then Wednesday 09:00-10:00
        assertEquals(Duration.ofHours(9), paris.businessTimeBetween(at("2026-11-24T08:00"), at("2026-11-25T10:00")));
        assertEquals(Duration.ZERO, paris.businessTimeBetween(at("2026-11-24T20:00"), at("2026-11-24T19:00")));
    }

    @Test
    void isOpenFollowsHoursAndHolidays() {
        assertTrue(paris.isOpen(at("2026-11-24T10:00")));
        assertFalse(paris.isOpen(at("2026-11-24T12:45")));
        assertFalse(paris.isOpen(at("2026-12-25T10:00")));
    }

    @Test
    void alwaysIsPlainAddition() {
        Instant t = at("2026-12-25T23:59");
        assertEquals(t.plus(Duration.ofMinutes(15)), BusinessCalendar.ALWAYS.plusBusinessTime(t, Duration.ofMinutes(15)));
        assertTrue(BusinessCalendar.ALWAYS.isOpen(t));
    }

    @Test
    void aCalendarThatNeverOpensFailsInsteadOfLooping() {
        BusinessCalendar never = new BusinessCalendar("never", PARIS, Map.of(), d -> false);
        assertThrows(IllegalStateException.class, () -> never.plusBusinessTime(at("2026-11-24T10:00"), Duration.ofMinutes(1)));
    }

    @Test
    void regionalHolidaysComeFromTheLibrary() {
        assertTrue(Holidays.of("BE").test(LocalDate.of(2026, 7, 21)), "Belgian national day");
        assertTrue(Holidays.of("CA-QC").test(LocalDate.of(2026, 6, 24)), "Saint-Jean-Baptiste in Quebec");
        assertFalse(Holidays.of("FR").test(LocalDate.of(2026, 6, 24)));
        assertTrue(Holidays.of("CH").test(LocalDate.of(2026, 12, 25)));
    }

    @Test
    void theEngineCountsCalendarTiersInBusinessHoursAndComplaintsAroundTheClock() {
        SlaPolicy policy = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8,
                Duration.ofMinutes(10), 3, paris, Set.of(Tier.STANDARD, Tier.URGENT));
        Instant saturday = at("2026-11-28T11:00");
        assertEquals(at("2026-11-29T01:15"), policy.deadline(Tier.STANDARD, saturday));
        assertEquals(saturday.plus(Duration.ofMinutes(1)), policy.deadline(Tier.COMPLAINT, saturday));
        assertEquals(at("2026-11-29T01:04"), policy.warning(Tier.URGENT, saturday));
    }

    @Test
    void eachRungIsDueExactlyAtItsWakeUpAcrossLunchWeekendsHolidaysAndClockChanges() {
        // The wake-up (rungAt) and the count of rungs due (rungsDue) must agree, or a rung is skipped or repeated.
        SlaPolicy policy = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8,
                Duration.ofMinutes(7), 100, paris, Set.of(Tier.STANDARD, Tier.URGENT));
        for (Instant breach : List.of(at("2026-03-27T17:55"), at("2026-10-23T12:27"), at("2026-12-24T17:58"))) {
            for (int level = 1; level <= 100; level++) {
                Instant rung = policy.rungAt(Tier.URGENT, breach, level);
                assertTrue(paris.isOpen(rung.minusMillis(1)), "a rung ends open time: " + rung);
                assertEquals(level, policy.rungsDue(Tier.URGENT, breach, rung));
                assertEquals(level - 1, policy.rungsDue(Tier.URGENT, breach, rung.minusMillis(1)));
            }
        }
        // Rung 18 (126 minutes): 5 on Friday, the Sunday-night slot's 120 real minutes on the short night, 1 on Monday.
        assertEquals(at("2026-03-29T01:02"), policy.rungAt(Tier.URGENT, at("2026-03-27T17:55"), 1));
        assertEquals(at("2026-03-30T09:01"), policy.rungAt(Tier.URGENT, at("2026-03-27T17:55"), 18));
    }
}
