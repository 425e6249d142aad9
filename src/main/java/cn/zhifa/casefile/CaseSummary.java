package cn.zhifa.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** One line of the case register. {@code caseNo} is null until the case is numbered on filing. */
public record CaseSummary(long id, String caseNo, CaseKind kind, String agencyId, String handlingUnitId, String title,
        CaseStage stage, OffsetDateTime createdAt, String createdBy, boolean overdue, boolean submittedForReview) {

    /** Before a registration number a person reads and types: {@code 登记号12}. */
    public static final String REGISTRATION_PREFIX = "登记号";

    /** How people name the case: its case number, or before filing its registration number (登记号12). */
    @JsonProperty("reference")
    public String reference() {
        return referenceOf(caseNo, id);
    }

    static String referenceOf(String caseNo, long id) {
        return caseNo != null && !caseNo.isBlank() ? caseNo : REGISTRATION_PREFIX + id;
    }
}
