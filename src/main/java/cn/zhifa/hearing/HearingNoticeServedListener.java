package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Once the 听证通知书 is served: was it served the catalogue's lead time before the hearing day, counted from the
 * actual date of service (行政处罚法 第六十四条第二项)? If not, the hearing cannot go ahead on that day and a new date,
 * with a new notice, is needed; the earliest day this service would have allowed is recorded.
 */
@Component("hearingNoticeServedListener")
class HearingNoticeServedListener implements ExecutionListener {

    private final HearingCalendar calendar;
    private final CaseRecord caseRecord;

    HearingNoticeServedListener(HearingCalendar calendar, CaseRecord caseRecord) {
        this.calendar = calendar;
        this.caseRecord = caseRecord;
    }

    @Override
    public void notify(DelegateExecution execution) {
        LocalDate servedOn = HearingForm.day(execution.getVariable(HEARING_NOTICE_SERVED_AT));
        LocalDate hearingDay = LocalDateTime.parse((String) execution.getVariable(HEARING_AT)).toLocalDate();
        LocalDate due = calendar.noticeDue(hearingDay);
        boolean inTime = servedOn != null && !servedOn.isAfter(due);
        LocalDate earliest = servedOn == null ? null : calendar.earliestHearingDay(servedOn);
        execution.setVariable(NOTICE_IN_TIME, inTime);
        execution.setVariable(EARLIEST_HEARING_DATE, earliest == null ? null : earliest.toString());
        String text = "《听证通知书》于" + servedOn + "送达；听证日" + hearingDay + "须在" + due + "前送达"
                + (inTime ? "，已按期送达" : "，送达过晚，按此送达日期听证最早可定于" + earliest + "，须重新确定听证日期并重新通知");
        execution.setVariable(NOTICE_SERVICE_TEXT, text);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("servedOn", String.valueOf(servedOn));
        data.put("hearingDay", hearingDay.toString());
        data.put("noticeDue", due.toString());
        data.put("inTime", inTime);
        data.put("documentId", execution.getVariable(HEARING_NOTICE_DOCUMENT_ID));
        caseRecord.append(TaskActors.caseIdOf(execution), "system", inTime ? "HEARING_NOTICE_SERVED"
                : "HEARING_NOTICE_LATE", text, data);
    }
}
