package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.sla.BusinessCalendar;
import dev.replyclock.sla.Holidays;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One entry of {@code sla.calendars}: {@code {zone, hours: {mon-fri: "09:00-18:00", sat: "10:00-16:00"},
 * holidays: {country: FR, dates: [2026-12-24]}}}, into a {@link BusinessCalendar}, reporting problems by key.
 */
final class CalendarParser {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private CalendarParser() {
    }

    static BusinessCalendar parse(String name, JsonNode node, List<ConfigProblem> problems) {
        String at = "sla.calendars." + name;
        int before = problems.size();
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!Set.of("zone", "hours", "holidays").contains(k)) {
                problems.add(new ConfigProblem(at + "." + k, node.get(k).toString(), "unknown field; use zone, hours, holidays"));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(node.path("zone").asText(""));
        } catch (DateTimeException e) {
            problems.add(new ConfigProblem(at + ".zone", node.path("zone").asText(null),
                    "use a time-zone id like Europe/Paris, Europe/Brussels, Europe/Zurich, America/Montreal"));
        }
        Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        JsonNode h = node.path("hours");
        Iterator<String> specs = h.fieldNames();
        while (specs.hasNext()) {
            String spec = specs.next();
            List<DayOfWeek> days = days(spec);
            List<BusinessCalendar.Interval> intervals = intervals(h.get(spec).asText(""));
            if (days == null) {
                problems.add(new ConfigProblem(at + ".hours." + spec, spec,
                        "name days as mon, tue ... sun, or a range like mon-fri"));
            } else if (intervals == null) {
                problems.add(new ConfigProblem(at + ".hours." + spec, h.get(spec).asText(),
                        "use ranges like \"09:00-12:30,13:30-18:00\", each ending after it starts, not overlapping"));
            } else {
                days.forEach(d -> hours.computeIfAbsent(d, x -> new ArrayList<>()).addAll(intervals));
            }
        }
        if (hours.isEmpty() && problems.size() == before) {
            problems.add(new ConfigProblem(at + ".hours", h.toString(),
                    "a calendar needs open hours, like {mon-fri: \"09:00-18:00\"}"));
        }
        List<Predicate<LocalDate>> closed = new ArrayList<>();
        JsonNode holidays = node.path("holidays");
        if (holidays.has("country")) {
            try {
                closed.add(Holidays.of(holidays.path("country").asText()));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(at + ".holidays.country", holidays.path("country").asText(), e.getMessage()));
            }
        }
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode d : holidays.path("dates")) {
            try {
                dates.add(LocalDate.parse(d.asText()));
            } catch (DateTimeParseException e) {
                problems.add(new ConfigProblem(at + ".holidays.dates", d.asText(), "use dates like 2026-12-24"));
            }
        }
        closed.add(dates::contains);
        if (problems.size() > before) {
            return BusinessCalendar.ALWAYS;
        }
        return new BusinessCalendar(name, zone, hours, day -> closed.stream().anyMatch(p -> p.test(day)));
    }

    private static List<DayOfWeek> days(String spec) {
        String[] range = spec.trim().toLowerCase().split("-");
        int from = DAYS.indexOf(range[0]);
        int to = range.length == 2 ? DAYS.indexOf(range[1]) : from;
        if (range.length > 2 || from < 0 || to < from) {
            return null;
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            out.add(DayOfWeek.of(d + 1));
        }
        return out;
    }

    private static List<BusinessCalendar.Interval> intervals(String text) {
        List<BusinessCalendar.Interval> out = new ArrayList<>();
        LocalTime lastEnd = null;
        for (String part : text.split(",")) {
            String[] se = part.trim().split("-");
            if (se.length != 2) {
                return null;
            }
            try {
                LocalTime start = LocalTime.parse(se[0].trim());
                LocalTime end = se[1].trim().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(se[1].trim());
                boolean endsAtMidnight = end.equals(LocalTime.MIDNIGHT);
                if (!endsAtMidnight && !end.isAfter(start) || lastEnd != null && start.isBefore(lastEnd)) {
                    return null;
                }
                out.add(new BusinessCalendar.Interval(start, end));
                lastEnd = endsAtMidnight ? LocalTime.MAX : end;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }
}
