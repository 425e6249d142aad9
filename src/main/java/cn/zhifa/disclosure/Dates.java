package cn.zhifa.disclosure;

import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Dates the way the disclosure shows them (2026年9月30日), in Asia/Shanghai. */
final class Dates {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Dates() {
    }

    static String chinese(LocalDate day) {
        return day == null ? "" : CHINESE.format(day);
    }

    static String chinese(Instant instant) {
        return instant == null ? "" : chinese(instant.atZone(EngineClock.ZONE).toLocalDate());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE);
    }

    static LocalDate today() {
        return EngineClock.now().atZone(EngineClock.ZONE).toLocalDate();
    }
}
