package cn.zhifa.casefile;

import java.time.OffsetDateTime;

/** One line of the case register. {@code caseNo} is null until the case is numbered on filing. */
public record CaseSummary(long id, String caseNo, CaseKind kind, String agencyId, String handlingUnitId, String title,
        CaseStage stage, OffsetDateTime createdAt, String createdBy, boolean overdue, boolean submittedForReview) {
}
