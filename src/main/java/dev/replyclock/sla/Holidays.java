package dev.replyclock.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Public holidays of a country, optionally of one of its subdivisions ({@code FR}, {@code BE}, {@code CH},
 * {@code CA-QC}), from the jollyday library, computed once per year and cached.
 */
public final class Holidays implements Predicate<LocalDate> {

    private final HolidayManager manager;
    private final String[] subdivision;
    private final String code;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private Holidays(HolidayManager manager, String code, String[] subdivision) {
        this.manager = manager;
        this.code = code;
        this.subdivision = subdivision;
    }

    /**
     * @param code a country code, optionally with a subdivision after a dash: FR, BE, CH, CA-QC, GB, IE
     * @throws IllegalArgumentException when jollyday does not know the country
     */
    public static Holidays of(String code) {
        String[] parts = code.toLowerCase(Locale.ROOT).split("-", 2);
        String country = HolidayManager.getSupportedCalendarCodes().stream()
                .filter(c -> c.equalsIgnoreCase(parts[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown country '" + code
                        + "'; use an ISO code such as FR, BE, CH, CA-QC"));
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country));
        return new Holidays(manager, code, parts.length > 1 ? new String[] {parts[1]} : new String[0]);
    }

    @Override
    public boolean test(LocalDate day) {
        return byYear.computeIfAbsent(day.getYear(), y -> manager.getHolidays(Year.of(y), subdivision).stream()
                .map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet())).contains(day);
    }

    @Override
    public String toString() {
        return "Holidays[" + code + "]";
    }
}
