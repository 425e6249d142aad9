package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 听证通知书 (行政处罚法 第六十四条第二项): time, place, host and clerk, whether public, and the party's rights (one
 * or two agents, recusal, evidence, postponement, what absence means). Made as the host; a new date makes a new
 * version, which is the one served.
 */
@Component("generateHearingNoticeDelegate")
class GenerateHearingNoticeDelegate implements JavaDelegate {

    private final DocumentService documents;

    GenerateHearingNoticeDelegate(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hearingTime", LocalDateTime.parse((String) execution.getVariable(HEARING_AT)));
        data.put("hearingPlace", execution.getVariable(HEARING_PLACE));
        data.put("hearingHost", execution.getVariable(HEARING_HOST_NAME));
        data.put("hearingClerk", execution.getVariable(HEARING_CLERK_NAME));
        data.put("hearingPublicity", execution.getVariable(PUBLICITY_TEXT));
        StoredDocument notice = documents.generate(TaskActors.caseIdOf(execution), DocumentType.HEARING_NOTICE, data,
                (String) execution.getVariable(HEARING_HOST));
        execution.setVariable(HEARING_NOTICE_DOCUMENT_ID, notice.id());
    }
}
