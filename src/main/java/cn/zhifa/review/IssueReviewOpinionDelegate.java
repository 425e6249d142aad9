package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The written opinion (法制审核意见书) goes into the case file, whatever its conclusion: 案由 is the case's title, the
 * decision under review and the 送审日期 have rows of their own, and the seven points read as the form answered them.
 */
@Component("issueReviewOpinionDelegate")
class IssueReviewOpinionDelegate implements JavaDelegate {

    private static final Map<String, String> CONCLUSIONS = Map.of(
            "AGREE", "同意", "PROBLEM", "存在问题，需纠正", "TRANSFER", "超越本机关权限，移送有权机关处理");

    private final DocumentService documents;
    private final CaseRecord caseRecord;

    IssueReviewOpinionDelegate(DocumentService documents, CaseRecord caseRecord) {
        this.documents = documents;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String reviewer = (String) execution.getVariable(REVIEWER);
        String outcome = (String) execution.getVariable(OPINION_OUTCOME);
        // case number, 案由, party, agency, date and the reviewer's name come from the register and the author
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionTitle", execution.getVariable(DECISION_TITLE));
        data.put("submittedDate", submittedDate(execution));
        data.put("reviewOpinion", opinionText(execution));
        data.put("reviewConclusion", CONCLUSIONS.get(outcome));
        StoredDocument document = documents.generate(caseId, DocumentType.LEGAL_REVIEW_OPINION, data, reviewer);
        execution.setVariable(OPINION_DOCUMENT_ID, document.id());
        Map<String, Object> points = new LinkedHashMap<>();
        for (ReviewPoint point : ReviewPoint.values()) {
            points.put(point.name(), execution.getVariable(point.variable()));
        }
        caseRecord.append(caseId, reviewer, "REVIEW_OPINION",
                "出具法制审核意见：" + CONCLUSIONS.get(outcome),
                Map.of("outcome", outcome, "points", points, "documentId", document.id(),
                        "documentSha256", document.sha256()));
    }

    /** The day the reviewed submission was sent; reviews submitted before it was recorded show the day of receipt. */
    private static LocalDate submittedDate(DelegateExecution execution) {
        Object submitted = execution.getVariable(SUBMITTED_AT);
        Date at = (Date) (submitted != null ? submitted : execution.getVariable(MATERIALS_RECEIVED_AT));
        return LocalDate.ofInstant(at.toInstant(), EngineClock.ZONE);
    }

    private static String opinionText(DelegateExecution execution) {
        StringBuilder text = new StringBuilder();
        int i = 1;
        for (ReviewPoint point : ReviewPoint.values()) {
            Object verdict = execution.getVariable(point.variable());
            Object comment = execution.getVariable(point.commentVariable());
            text.append(i++).append('．').append(point.question()).append('：').append(point.answer(verdict));
            if (comment != null && !comment.toString().isBlank()) {
                text.append('（').append(comment).append('）');
            }
            text.append('\n');
        }
        text.append("审核意见：").append(execution.getVariable(OPINION_TEXT));
        Object corrections = execution.getVariable(CORRECTIONS);
        if ("PROBLEM".equals(execution.getVariable(OPINION_OUTCOME)) && corrections != null) {
            text.append('\n').append("须纠正的内容：").append(corrections);
        }
        Object authority = execution.getVariable(TRANSFER_AUTHORITY);
        if ("TRANSFER".equals(execution.getVariable(OPINION_OUTCOME)) && authority != null) {
            text.append('\n').append("移送：").append(authority);
        }
        return text.toString();
    }
}
