package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History past its time to live is removed: the engine schedules its cleanup job in the nightly window. */
@ApplicationTest
class HistoryCleanupTest {

    @Autowired HistoryService historyService;

    @Test
    void shouldScheduleTheHistoryCleanupBetweenOneAndFiveAtNightBeijingTime() {
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        });
    }
}
