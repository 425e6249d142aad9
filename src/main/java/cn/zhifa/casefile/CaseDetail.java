package cn.zhifa.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** A case with its parties and officers, and the names of its agency and handling unit for documents. */
public record CaseDetail(long id, String caseNo, CaseKind kind, String agencyId, String agencyName,
        String handlingUnitId, String handlingUnitName, String title, CaseStage stage, OffsetDateTime createdAt,
        String createdBy, boolean overdue, boolean submittedForReview, List<Party> parties,
        List<CaseOfficer> officers) {

    /** The case number, or before filing the registration number (登记号12): see {@link CaseSummary#reference()}. */
    @JsonProperty("reference")
    public String reference() {
        return CaseSummary.referenceOf(caseNo, id);
    }

    public CaseSummary summary() {
        return new CaseSummary(id, caseNo, kind, agencyId, handlingUnitId, title, stage, createdAt, createdBy, overdue,
                submittedForReview);
    }
}
