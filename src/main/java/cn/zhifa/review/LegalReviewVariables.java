package cn.zhifa.review;

/** Names of the legal-review process variables, shared by delegates, listeners, forms (component keys) and tests. */
public final class LegalReviewVariables {

    public static final String PROCESS_KEY = "legal-review";
    public static final String DEADLINE_ENTRY = "LEGAL_REVIEW";

    // the case and who submitted it
    public static final String CASE_ID = "caseId";
    public static final String DECISION_TITLE = "decisionTitle";
    public static final String SUBMITTED_BY = "submittedBy";
    public static final String HANDLING_UNIT = "handlingUnit";
    /** When the submission the review works on was sent (start or resubmission): the opinion's 送审日期. */
    public static final String SUBMITTED_AT = "submittedAt";

    // submission (送审材料): case statement, draft decision, evidence list
    public static final String BASIC_FACTS = "basicFacts";
    public static final String APPLIED_LAW = "appliedLaw";
    public static final String DISCRETION = "discretionApplied";
    public static final String INVESTIGATION = "investigation";
    public static final String HEARING_ASSESSMENT = "hearingAssessment";
    public static final String DRAFT_DECISION = "draftDecision";
    public static final String EVIDENCE_LIST = "evidenceList";
    public static final String SUBMISSION_ROUND = "submissionRound";

    // intake (受理)
    public static final String INTAKE_OUTCOME = "intakeOutcome";
    public static final String RETURN_REASONS = "returnReasons";
    public static final String SUPPLEMENT_ITEMS = "supplementItems";
    public static final String SUPPLEMENT_DUE_DATE = "supplementDueDate";
    public static final String SUPPLEMENT_DUE_AT = "supplementDueAt";
    public static final String SUPPLEMENT_NOTE = "supplementNote";
    public static final String REVIEWER = "reviewer";
    public static final String REVIEWER_NAME = "reviewerName";
    public static final String MATERIALS_RECEIVED_AT = "materialsReceivedAt";

    // review and extension
    public static final String REVIEW_ACTION = "reviewAction";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_REQUESTED_BY = "extensionRequestedBy";
    public static final String EXTENSION_REQUESTED_BY_NAME = "extensionRequestedByName";
    public static final String EXTENSION_REQUESTED_AT = "extensionRequestedAt";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_DECISION_NOTE = "extensionDecisionNote";
    public static final String EXTENSION_DECIDED_BY = "extensionDecidedBy";
    public static final String EXTENSION_APPROVED_AT = "extensionApprovedAt";

    // the written opinion: seven review points, conclusion
    public static final String OPINION_OUTCOME = "opinionOutcome";
    public static final String OPINION_TEXT = "opinionText";
    public static final String CORRECTIONS = "corrections";
    public static final String TRANSFER_AUTHORITY = "transferAuthority";

    // after 存在问题
    public static final String FINDINGS_RESPONSE = "findingsResponse";
    public static final String DISAGREEMENT_REASONS = "disagreementReasons";
    public static final String COORDINATION_OUTCOME = "coordinationOutcome";
    public static final String COORDINATION_REASONS = "coordinationReasons";
    public static final String RESUBMIT_ACTION = "resubmitAction";
    public static final String WITHDRAW_REASON = "withdrawReason";
    public static final String OVERDUE_INSTRUCTION = "overdueInstruction";

    // what the caller branches on
    public static final String REVIEW_RESULT = "reviewResult";
    public static final String OPINION_DOCUMENT_ID = "opinionDocumentId";

    private LegalReviewVariables() {
    }
}
