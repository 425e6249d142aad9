package cn.zhifa.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chinese working-day calendar and the counting rules of law.md §3.3, in plain Java.
 * <ul>
 * <li>A working day is Monday to Friday unless the year's notice makes it a rest day, or a Saturday/Sunday the notice
 * declares a working day (调休上班, R8).</li>
 * <li>R1: the day of the event is not counted.</li>
 * <li>R2: N working days end on the N-th working day after the event.</li>
 * <li>R3: N calendar days end on day D+N, rolled forward to the next working day; rest days inside are not deducted.</li>
 * <li>R4: months end on the corresponding day, or the month's end when there is none, then R3.</li>
 * <li>R8/R9 party-favourable: 调休 weekends do not count and a due date is never a Saturday or Sunday.</li>
 * </ul>
 * A year without data is counted on weekdays only; every due date touching it is provisional and logged as a warning.
 * Instances are immutable; a new calendar is built when a year is loaded.
 */
public final class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final Map<Integer, HolidayYear> years;
    private final Set<LocalDate> restDays = new HashSet<>();
    private final Set<LocalDate> workingWeekends = new HashSet<>();

    public WorkingDayCalendar(Collection<HolidayYear> data) {
        Map<Integer, HolidayYear> byYear = new TreeMap<>();
        for (HolidayYear year : data) {
            HolidayYearValidator.validate(year.year(), year);
            byYear.put(year.year(), year);
            year.holidays().forEach(day -> restDays.add(day.date()));
            year.workdays().forEach(day -> workingWeekends.add(day.date()));
        }
        this.years = Collections.unmodifiableMap(byYear);
    }

    /** A calendar with no holiday data at all: weekdays only, every due date provisional. */
    public static WorkingDayCalendar weekdaysOnly() {
        return new WorkingDayCalendar(java.util.List.of());
    }

    public Map<Integer, HolidayYear> years() {
        return years;
    }

    public boolean hasData(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (restDays.contains(day)) {
            return false;
        }
        return workingWeekends.contains(day) || !isWeekend(day);
    }

    /** A working day that is also Monday to Friday: what counts for a party-favourable period (R8). */
    public boolean isWeekdayWorkingDay(LocalDate day) {
        return isWorkingDay(day) && !isWeekend(day);
    }

    public LocalDate addWorkingDays(LocalDate from, int n) {
        return addWorkingDays(from, n, false);
    }

    /**
     * The n-th working day after {@code from} (R1, R2), or before it when n is negative; {@code from} for n = 0.
     * With {@code partyFavourable} 调休 working weekends are skipped (R8).
     */
    public LocalDate addWorkingDays(LocalDate from, int n, boolean partyFavourable) {
        int step = n < 0 ? -1 : 1;
        LocalDate day = from;
        for (int counted = 0; counted < Math.abs(n); ) {
            day = day.plusDays(step);
            if (counts(day, partyFavourable)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days in (exclusiveFrom, inclusiveTo]; 0 when inclusiveTo is not after exclusiveFrom. */
    public int workingDaysBetween(LocalDate exclusiveFrom, LocalDate inclusiveTo, boolean partyFavourable) {
        int count = 0;
        for (LocalDate day = exclusiveFrom.plusDays(1); !day.isAfter(inclusiveTo); day = day.plusDays(1)) {
            if (counts(day, partyFavourable)) {
                count++;
            }
        }
        return count;
    }

    /** The day itself if it is a working day, else the first working day after it (R3, R9). */
    public LocalDate rollForward(LocalDate day, boolean partyFavourable) {
        LocalDate result = day;
        while (!counts(result, partyFavourable)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /** The last day of a calendar-day or month period before any roll-forward (R3, R4). */
    public static LocalDate rawDue(LocalDate from, int amount, PeriodUnit unit) {
        return switch (unit) {
            case CALENDAR_DAYS -> from.plusDays(amount);
            // plusMonths keeps the corresponding day and clamps to the month's end (Civil Code Art. 202)
            case MONTHS -> from.plusMonths(amount);
            case WORKING_DAYS, HOURS -> throw new IllegalArgumentException("no raw due date for " + unit);
        };
    }

    /** The due date of a period of {@code amount} units that starts with an event on {@code from} (R1–R4, R8, R9). */
    public DueDate due(LocalDate from, int amount, PeriodUnit unit, boolean partyFavourable) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        LocalDate due = switch (unit) {
            case WORKING_DAYS -> addWorkingDays(from, amount, partyFavourable);
            case CALENDAR_DAYS, MONTHS -> rollForward(rawDue(from, amount, unit), partyFavourable);
            case HOURS -> throw new IllegalArgumentException("hours are counted with addHours, not due()");
        };
        boolean provisional = touchesYearWithoutData(from, due);
        if (provisional) {
            log.warn("Provisional due date {} for {} {} from {}: no holiday data for a year in between", due, amount,
                    unit, from);
        }
        return new DueDate(from, amount, unit, due, provisional);
    }

    /** True when a year of the days after {@code from} up to {@code to} has no holiday data. */
    public boolean touchesYearWithoutData(LocalDate from, LocalDate to) {
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            if (!hasData(year)) {
                return true;
            }
        }
        return !to.isAfter(from) && !hasData(to.getYear());
    }

    /**
     * An hour period: the hour in which the event happens is not counted, counting starts at the next full hour
     * (CPL-Interp Art. 125), and the period ends {@code hours} later. Rest days are not skipped.
     */
    public static LocalDateTime addHours(LocalDateTime from, int hours) {
        return from.truncatedTo(ChronoUnit.HOURS).plusHours(1L + hours);
    }

    public static Instant addHours(Instant from, int hours) {
        return addHours(LocalDateTime.ofInstant(from, ZONE), hours).atZone(ZONE).toInstant();
    }

    /** The end of a due day: 23:59:59 Asia/Shanghai (Civil Code Art. 203: the last day ends at 24:00). */
    public static Instant endOfDay(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    private boolean counts(LocalDate day, boolean partyFavourable) {
        return partyFavourable ? isWeekdayWorkingDay(day) : isWorkingDay(day);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
