package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 听证笔录 and the 听证报告 go into the case file, both made as the host: the transcript with the attendance, the
 * investigators' case, the party's defence, the record itself and how it was signed (or the host's note of the
 * refusal); the report with the facts and evidence the hearing found and the host's opinion on the proposed penalty.
 * The caller's decision cites the transcript (行政处罚法 第六十五条).
 */
@Component("issueHearingReportDelegate")
class IssueHearingReportDelegate implements JavaDelegate {

    private final DocumentService documents;
    private final CaseRecord caseRecord;

    IssueHearingReportDelegate(DocumentService documents, CaseRecord caseRecord) {
        this.documents = documents;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String host = (String) execution.getVariable(HEARING_HOST);
        String signature = Boolean.TRUE.equals(execution.getVariable(TRANSCRIPT_SIGNED)) ? "当事人（代理人）已核对无误并签字"
                : "当事人（代理人）拒绝签字。主持人注明：" + execution.getVariable(SIGNATURE_REFUSAL_NOTE);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("hearingTime", LocalDateTime.parse((String) execution.getVariable(HEARING_AT)));
        common.put("hearingPlace", execution.getVariable(HEARING_PLACE));
        common.put("hearingClerk", execution.getVariable(HEARING_CLERK_NAME));
        common.put("investigatorStatement", execution.getVariable(INVESTIGATOR_STATEMENT));
        common.put("partyStatement", execution.getVariable(PARTY_STATEMENT));
        common.put("signature", signature);

        Map<String, Object> transcriptData = new LinkedHashMap<>(common);
        transcriptData.put("hearingPublicity", execution.getVariable(PUBLICITY_TEXT));
        transcriptData.put("attendance", execution.getVariable(ATTENDANCE_TEXT));
        transcriptData.put("transcript", execution.getVariable(TRANSCRIPT_SOURCE));
        StoredDocument transcript = documents.generate(caseId, DocumentType.HEARING_TRANSCRIPT, transcriptData, host);

        Map<String, Object> reportData = new LinkedHashMap<>(common);
        reportData.put("factsFound", execution.getVariable(FACTS_FOUND));
        reportData.put("evidenceFindings", execution.getVariable(EVIDENCE_FINDINGS));
        reportData.put("hostOpinion", execution.getVariable(HOST_OPINION));
        StoredDocument report = documents.generate(caseId, DocumentType.HEARING_REPORT, reportData, host);

        execution.setVariable(HEARING_TRANSCRIPT_DOCUMENT_ID, transcript.id());
        execution.setVariable(HEARING_REPORT_DOCUMENT_ID, report.id());
        caseRecord.append(caseId, host, "HEARING_REPORT", "听证笔录、听证报告已归入案卷：" + transcript.fileName() + "、"
                + report.fileName(), Map.of("transcriptDocumentId", transcript.id(), "reportDocumentId", report.id(),
                        "transcriptSha256", transcript.sha256(), "reportSha256", report.sha256()));
    }
}
