package cn.zhifa.deadline;

import cn.zhifa.calendar.CalendarYearLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a calendar year is loaded, provisional due dates are recomputed in the same transaction. */
@Component
class RecomputeProvisionalDeadlinesListener {

    private static final Logger log = LoggerFactory.getLogger(RecomputeProvisionalDeadlinesListener.class);

    private final DeadlineService deadlines;

    RecomputeProvisionalDeadlinesListener(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener
    void on(CalendarYearLoaded event) {
        int changed = deadlines.recomputeProvisional();
        log.info("Calendar year {} loaded: {} provisional deadline(s) recomputed", event.year(), changed);
    }
}
