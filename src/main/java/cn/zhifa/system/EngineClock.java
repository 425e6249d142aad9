package cn.zhifa.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the engine sees it, so that process tests that move the engine clock move ours too. The only place
 * outside the engine adapter that touches an engine impl class.
 */
public final class EngineClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }
}
