package cn.zhifa.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the engine sees it, in Asia/Shanghai, so that process tests that move the engine clock move every feature
 * with it. It is the application's {@link Clock} bean; the only place outside the engine that touches an engine impl
 * class.
 */
public final class EngineClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZONE.equals(zone) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now();
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves "now" this far from the system clock, for the rest of the JVM (ClockConfiguration). */
    static void offset(Duration offset) {
        ClockUtil.offset(offset.toMillis());
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }
}
