package cn.zhifa.system;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for every feature: the engine's, so timers, records, documents and deadlines agree on "now".
 * {@code zhifa.fault.clock-offset} (a duration, negative = behind) puts it off the system clock: the cluster fault
 * harness (bench/cluster.md) runs a node whose clock is behind the others'. Unset everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${zhifa.fault.clock-offset:PT0S}") Duration offset) {
        if (!offset.isZero()) {
            EngineClock.offset(offset);
            log.warn("The clock of this node is {} off the system clock (zhifa.fault.clock-offset): fault injection",
                    offset);
        }
        return new EngineClock();
    }
}
