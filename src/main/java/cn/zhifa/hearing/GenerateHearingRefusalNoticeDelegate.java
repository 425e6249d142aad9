package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 不予听证通知书, made as the head who decided not to hold the hearing, with his reasons; for a late request also
 * the day the period ended.
 */
@Component("generateHearingRefusalNoticeDelegate")
class GenerateHearingRefusalNoticeDelegate implements JavaDelegate {

    private final DocumentService documents;

    GenerateHearingRefusalNoticeDelegate(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariable(DECISION_REASON);
        if (Boolean.TRUE.equals(execution.getVariable(REQUEST_LATE))) {
            reason = "你（单位）要求听证的期限至" + execution.getVariable(REQUEST_DUE_ON) + "（《行政处罚告知书》于"
                    + execution.getVariable(NOTICE_SERVED_AT) + "送达），该要求已逾期提出；" + reason.strip();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestedOn", HearingForm.day(execution.getVariable(REQUESTED_ON)));
        data.put("refusalReason", reason);
        StoredDocument notice = documents.generate(TaskActors.caseIdOf(execution),
                DocumentType.HEARING_REFUSAL_NOTICE, data, (String) execution.getVariable(HEARING_DECIDED_BY));
        execution.setVariable(REFUSAL_NOTICE_DOCUMENT_ID, notice.id());
    }
}
