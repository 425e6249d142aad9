package cn.zhifa.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the holiday files shipped in src/main/resources/calendar without Spring. */
public final class ShippedCalendar {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ShippedCalendar() {
    }

    public static HolidayYear year(int year) {
        try (InputStream in = ShippedCalendar.class.getResourceAsStream("/calendar/" + year + ".json")) {
            return JSON.readValue(in, HolidayYear.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkingDayCalendar calendar(int... years) {
        List<HolidayYear> data = new ArrayList<>();
        for (int year : years) {
            data.add(year(year));
        }
        return new WorkingDayCalendar(data);
    }

    /** 2024, 2025 and 2026, as shipped. */
    public static WorkingDayCalendar calendar() {
        return calendar(2024, 2025, 2026);
    }
}
