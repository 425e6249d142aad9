package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.service.CallerDeadlines;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The hearing ends with its result in the case record; the caller's clock, paused at the request, runs again with the
 * days it had left (after this transaction commits, see {@link CallerDeadlines}).
 */
@Component("closeHearingListener")
class CloseHearingListener implements ExecutionListener {

    private final CallerDeadlines callerClock;
    private final CaseRecord caseRecord;

    CloseHearingListener(CallerDeadlines callerClock, CaseRecord caseRecord) {
        this.callerClock = callerClock;
        this.caseRecord = caseRecord;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String result = (String) execution.getVariable(HEARING_RESULT);
        String holder = (String) execution.getVariable(PAUSED_DEADLINE_INSTANCE);
        if (holder != null) {
            callerClock.resumeAfterCommit(caseId, holder, (String) execution.getVariable(PAUSE_DEADLINE), "听证结束后");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hearingResult", result);
        data.put("reportDocumentId", execution.getVariable(HEARING_REPORT_DOCUMENT_ID));
        data.put("transcriptDocumentId", execution.getVariable(HEARING_TRANSCRIPT_DOCUMENT_ID));
        data.put("resumedCallerDeadline", holder == null ? null : execution.getVariable(PAUSE_DEADLINE));
        caseRecord.append(caseId, "system", "HEARING_CLOSED", "听证程序结束："
                + (result == null ? "未完成" : HearingResult.valueOf(result).chineseName()), data);
    }
}
