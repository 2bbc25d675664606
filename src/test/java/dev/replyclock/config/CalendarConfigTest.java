package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business-hours calendars as support leads write them in replyclock.yaml. */
class CalendarConfigTest {

    private static final String PARIS = """
            sla.calendars:
              paris:
                zone: Europe/Paris
                hours: {mon-fri: "09:00-18:00", sat: "10:00-16:00"}
                holidays: {country: FR, dates: [2026-12-24]}
            sla.calendar: paris
            """;

    @Test
    void theDefaultPolicyRunsStandardAndUrgentOnTheCalendar() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse(PARIS, "test", Map.of(), Map.of());
        assertEquals("paris", c.sla().calendar().name());
        assertEquals(Set.of(Tier.STANDARD, Tier.URGENT), c.sla().calendarTiers());
        // Thursday 24 December is closed by an explicit date, Friday 25th is Christmas, Saturday opens at 10:00 Paris
        assertEquals(Instant.parse("2026-12-26T09:15:00Z"),
                c.sla().deadline(Tier.STANDARD, Instant.parse("2026-12-24T10:00:00Z")));
    }

    @Test
    void aPolicyCanRunATier247() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse(PARIS + """
                sla.policies:
                  - name: vip
                    match: {segment: vip}
                    clock: {urgent: 24/7}
                """, "test", Map.of(), Map.of());
        assertEquals(Set.of(Tier.STANDARD), c.policies().rules().get(0).policy().calendarTiers());
    }

    @Test
    void badCalendarsNameTheKeyValueAndFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sla.calendars:
                  paris:
                    zone: Europe/Pariss
                    hours: {mon-fry: "09:00-18:00", sat: "16:00-10:00"}
                    holidays: {country: XX}
                sla.calendar: lyon
                sla.clock.urgent: sometimes
                """, "test", Map.of(), Map.of()));
        String all = e.getMessage();
        assertTrue(all.contains("sla.calendars.paris.zone = 'Europe/Pariss': use a time-zone id"), all);
        assertTrue(all.contains("sla.calendars.paris.hours.mon-fry = 'mon-fry'"), all);
        assertTrue(all.contains("sla.calendars.paris.hours.sat = '16:00-10:00'"), all);
        assertTrue(all.contains("sla.calendars.paris.holidays.country = 'XX': unknown country"), all);
        assertTrue(all.contains("sla.calendar = 'lyon': no such calendar"), all);
        assertTrue(all.contains("sla.clock.urgent = 'sometimes': use calendar"), all);
    }

    @Test
    void aCalendarWithoutHoursIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sla.calendars:
                  closed: {zone: UTC, hours: {}}
                """, "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("sla.calendars.closed.hours"), e.getMessage());
    }
}
