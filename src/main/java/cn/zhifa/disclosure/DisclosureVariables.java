package cn.zhifa.disclosure;

/** The variables of the process {@code disclosure} (see docs/disclosure.md for who writes which). */
final class DisclosureVariables {

    static final String PROCESS_KEY = "disclosure";
    static final String CORRECTION_MESSAGE = "DisclosureCorrectionRequested";

    // from the caller or the start form
    static final String DECISION_KIND = "decisionKind";
    static final String DECISION_DOCUMENT_ID = "decisionDocumentId";
    /** From a calling penalty case (an ISO date); otherwise the engine takes the date of the decision document. */
    static final String DECIDED_AT = "decidedAt";

    // engine-owned
    static final String DISCLOSURE_ID = "disclosureId";
    static final String CASE_NO = "caseNo";
    static final String CASE_TITLE = "caseTitle";
    static final String DECISION_KIND_NAME = "decisionKindName";
    static final String DRAFT_TEXT = "draftText";
    static final String REDACTION_TEXT = "redactionText";
    static final String PUBLICATION_DUE_TEXT = "publicationDueText";
    static final String REJECTION_REASONS = "rejectionReasons";
    static final String PREPARED_BY = "preparedBy";
    static final String REVIEWED_BY = "reviewedBy";
    static final String EXEMPTION_TEXT = "exemptionText";
    static final String PREPARATION_ROUTE = "preparationRoute";
    static final String WITHHOLDING_APPROVED = "withholdingApproved";
    static final String REVIEW_PASSED = "reviewPassed";
    static final String DISCLOSURE_STATUS = "disclosureStatus";
    static final String REMEDY_KIND = "remedyKind";
    static final String REMEDY_TEXT = "remedyText";
    static final String REMEDY_RECEIVED_AT = "revocationReceivedAt";
    static final String CORRECTION_ID = "correctionId";
    static final String CORRECTION_TEXT = "correctionText";
    static final String CORRECTED_PREVIEW = "correctedPreview";
    static final String CORRECTION_ROUTE = "correctionRoute";
    static final String CORRECTION_APPROVED = "correctionApproved";
    static final String CORRECTION_HANDLED_BY = "correctionHandledBy";
    /** The redacted full text of the decision where the agency publishes it (null otherwise). */
    static final String FULL_TEXT_PREVIEW = "fullTextPreview";
    /** Which publication term applies and why, for the reviewer; the catalogue entry, for the timers. */
    static final String PUBLICATION_TERM_TEXT = "publicationTermText";
    static final String PUBLICATION_TERM = "publicationTerm";
    /** When the record was published: the clock start of the publication term. */
    static final String PUBLISHED_AT = "publishedAt";

    // submitted with the forms
    static final String PUBLIC_CONCLUSION = "publicConclusion";
    static final String PUBLIC_FACTS = "publicFacts";
    static final String PUBLIC_BASIS = "publicBasis";
    static final String PUBLIC_PENALTY = "publicPenalty";
    static final String EXEMPTION = "exemption";
    static final String EXEMPTION_HANDLING = "exemptionHandling";
    static final String EXEMPTION_REASON = "exemptionReason";
    static final String EXEMPTION_BASIS = "exemptionBasis";
    static final String ADDITIONAL_REDACTIONS = "additionalRedactions";
    static final String WITHHOLDING_DECISION = "withholdingDecision";
    static final String WITHHOLDING_REASONS = "withholdingReasons";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEW_REASONS = "reviewReasons";
    static final String SUPERVISION_NOTE = "supervisionNote";
    static final String WITHDRAWAL_NOTICE = "withdrawalNotice";
    static final String CORRECTION_OUTCOME = "correctionOutcome";
    static final String CORRECTION_REPLY = "correctionReply";
    static final String CORRECTED_CONCLUSION = "correctedConclusion";
    static final String CORRECTED_FACTS = "correctedFacts";
    static final String CORRECTED_BASIS = "correctedBasis";
    static final String CORRECTED_PENALTY = "correctedPenalty";
    static final String CORRECTION_REVIEW_OUTCOME = "correctionReviewOutcome";
    static final String CORRECTION_REVIEW_REASONS = "correctionReviewReasons";

    private DisclosureVariables() {
    }
}
