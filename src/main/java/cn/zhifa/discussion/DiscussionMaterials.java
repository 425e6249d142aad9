package cn.zhifa.discussion;

import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.review.ReviewResult;
import cn.zhifa.system.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the case file holds for the matter put to the heads: the result of the case's legal review (as the review
 * recorded it when it ended), its written opinion, the hearing report if there was a hearing, and the running
 * decision period (期限目录 DECISION) with its extensions.
 */
@Component
class DiscussionMaterials {

    static final String DECISION_PERIOD = "DECISION";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseRecord caseRecord;
    private final DocumentService documents;
    private final DeadlineService deadlines;

    DiscussionMaterials(CaseRecord caseRecord, DocumentService documents, DeadlineService deadlines) {
        this.caseRecord = caseRecord;
        this.documents = documents;
        this.deadlines = deadlines;
    }

    /** How the case's latest legal review ended (its REVIEW_CLOSED entry), if one ended. */
    Optional<ReviewResult> latestReview(long caseId) {
        List<RecordEntry> closed = caseRecord.entries(caseId).stream()
                .filter(entry -> "REVIEW_CLOSED".equals(entry.action())).toList();
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        try {
            String result = JSON.readTree(closed.get(closed.size() - 1).data()).path("reviewResult").asText();
            return Optional.of(ReviewResult.valueOf(result));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("the review's record entry of case " + caseId + " names no result", e);
        }
    }

    static boolean passed(ReviewResult result) {
        return result == ReviewResult.APPROVED || result == ReviewResult.APPROVED_AFTER_COORDINATION;
    }

    String legalReviewText(long caseId, ReviewResult result) {
        return result.chineseName()
                + documents.latest(caseId, DocumentType.LEGAL_REVIEW_OPINION).map(d -> "；" + describe(d)).orElse("");
    }

    String hearingReportText(long caseId) {
        return documents.latest(caseId, DocumentType.HEARING_REPORT).map(DiscussionMaterials::describe)
                .orElse("本案未举行听证（案卷中没有听证报告）");
    }

    /** The decision period running for the case, open or paused. */
    Optional<RunningDeadline> decisionPeriod(long caseId) {
        return deadlines.ofCase(String.valueOf(caseId)).stream()
                .filter(d -> DECISION_PERIOD.equals(d.entryId()))
                .filter(d -> d.status() == RunningDeadline.Status.OPEN || d.status() == RunningDeadline.Status.PAUSED)
                .reduce((first, later) -> later);
    }

    /** How often a head alone may extend the decision period (the catalogue's extension of DECISION). */
    int extensionsByApproval() {
        DeadlineEntry.Extension extension = deadlines.catalogue().entry(DECISION_PERIOD).extension();
        return extension == null ? 0 : extension.maxTimes();
    }

    static String describe(RunningDeadline period) {
        return "办案期限（作出处理决定期限）届满日：" + DATE.format(period.dueAt().atZone(EngineClock.ZONE))
                + "，已经批准延长" + period.extensionsUsed() + "次"
                + (period.status() == RunningDeadline.Status.PAUSED ? "，目前中止计算" : "");
    }

    private static String describe(StoredDocument document) {
        return "《" + document.type().chineseName() + "》第" + document.version() + "版（文书编号 " + document.id() + "，"
                + DATE.format(document.createdAt().atZoneSameInstant(EngineClock.ZONE)) + "制作）";
    }
}
