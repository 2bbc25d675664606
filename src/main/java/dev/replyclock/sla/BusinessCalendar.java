package dev.replyclock.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Business hours: a time zone, weekly opening hours and closed days (public holidays, explicit dates). A
 * clock on a calendar runs only while the calendar is open, as in Zendesk or Freshdesk business-hours SLAs.
 *
 * <p>Hours are local wall-clock times, converted per day with the zone's rules, so a DST change shortens or
 * lengthens the night, never the opening hours (a 02:00-03:00 gap that does not exist is simply skipped).
 * Computations walk open intervals day by day, never minute by minute, and look at most
 * {@value #HORIZON_DAYS} days ahead. Immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** Open every day, all day: plain addition. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar("24/7", null, Map.of(), d -> false);

    static final int HORIZON_DAYS = 400;

    /** An opening interval of a day, local times, {@code end} after {@code start} (00:00 as end = midnight). */
    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> hours;
    private final Predicate<LocalDate> closed;

    /**
     * @param closed days the calendar is closed whatever the weekly hours say (holidays, explicit dates)
     */
    public BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Interval>> hours, Predicate<LocalDate> closed) {
        this.name = name;
        this.zone = zone;
        this.hours = hours.isEmpty() ? Map.of() : new EnumMap<>(hours);
        this.closed = closed;
    }

    public String name() {
        return name;
    }

    /** The calendar's time zone; null for 24/7 (which has none). */
    public ZoneId zone() {
        return zone;
    }

    public boolean isAlways() {
        return zone == null;
    }

    public boolean isOpen(Instant t) {
        if (isAlways()) {
            return true;
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (closed.test(day)) {
            return false;
        }
        for (Interval i : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
            if (!t.isBefore(open(day, i)) && t.isBefore(close(day, i))) {
                return true;
            }
        }
        return false;
    }

    /** The instant at which {@code d} of open time has passed since {@code start}. */
    public Instant plusBusinessTime(Instant start, Duration d) {
        if (isAlways()) {
            return start.plus(d);
        }
        Duration remaining = d;
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1); // an interval may span midnight in UTC terms
        for (int n = 0; n < HORIZON_DAYS; n++, day = day.plusDays(1)) {
            if (closed.test(day)) {
                continue;
            }
            for (Interval i : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant from = max(open(day, i), start);
                Instant to = close(day, i);
                if (!from.isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + name + " has no open hours in the next " + HORIZON_DAYS + " days");
    }

    /** Open time between a and b (zero if b is not after a). */
    public Duration businessTimeBetween(Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        if (isAlways()) {
            return Duration.between(a, b);
        }
        Duration total = Duration.ZERO;
        LocalDate day = a.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = b.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (closed.test(day)) {
                continue;
            }
            for (Interval i : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant from = max(open(day, i), a);
                Instant to = min(close(day, i), b);
                if (from.isBefore(to)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    private Instant open(LocalDate day, Interval i) {
        return ZonedDateTime.of(day, i.start(), zone).toInstant();
    }

    private Instant close(LocalDate day, Interval i) {
        return i.end().equals(LocalTime.MIDNIGHT)
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, i.end(), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + name + "]";
    }
}
