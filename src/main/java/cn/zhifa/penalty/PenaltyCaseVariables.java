package cn.zhifa.penalty;

/** Names of the penalty-case process variables, shared by listeners, delegates, forms (component keys) and tests. */
public final class PenaltyCaseVariables {

    public static final String PROCESS_KEY = "penalty-case";
    public static final String FILING_PERIOD = "FILING_DECISION";
    public static final String DECISION_PERIOD = "DECISION";
    public static final String PRESERVATION_PERIOD = "EVIDENCE_PRESERVATION";
    public static final String STATEMENT_PERIOD = "STATEMENT_DEFENCE";
    public static final String SEIZURE_PERIOD = "SEIZURE";

    // the clue (start form)
    public static final String CASE_TITLE = "caseTitle";
    public static final String CLUE_SOURCE = "clueSource";
    public static final String CLUE_DISCOVERED_ON = "clueDiscoveredOn";
    public static final String ACT_DATE = "actDate";
    public static final String ACT_END_DATE = "actEndDate";
    public static final String HARMFUL = "harmToLifeHealthFinance";
    public static final String PARTY_KIND = "partyKind";
    public static final String PARTY_NAME = "partyName";
    public static final String PARTY_ID_NUMBER = "partyIdNumber";
    public static final String PARTY_ADDRESS = "partyAddress";
    public static final String CLUE_FACTS = "clueFacts";
    public static final String CLUE_EVIDENCE = "clueEvidence";
    public static final String CO_OFFICER = "coOfficer";

    // engine-owned, from the clue
    public static final String CLUE_RECEIVED_AT = "clueReceivedAt";
    public static final String LIMITATION_ENDS_ON = "limitationEndsOn";
    public static final String WITHIN_LIMITATION = "withinLimitation";
    public static final String LIMITATION_TEXT = "limitationText";
    public static final String CASE_NO = "caseNo";

    // filing
    public static final String FILING_PROPOSAL = "filingProposal";
    public static final String CASE_SUMMARY = "caseSummary";
    public static final String FILING_BASIS = "filingBasis";
    public static final String NOT_FILING_REASON = "notFilingReason";
    public static final String FILING_PROPOSED_BY = "filingProposedBy";
    public static final String FILING_DECISION = "filingDecision";
    public static final String FILING_DECISION_REASON = "filingDecisionReason";
    public static final String FILING_DECIDED_BY = "filingDecidedBy";
    public static final String FILING_DECIDED_AT = "filingDecidedAt";
    public static final String CASE_FILED_AT = "caseFiledAt";
    public static final String FILING_DOCUMENT_ID = "filingDocumentId";
    public static final String NOT_FILED_DOCUMENT_ID = "notFiledDocumentId";

    // extensions (filing period, decision period)
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_DECISION_NOTE = "extensionDecisionNote";
    public static final String EXTENSION_REQUESTED_BY = "extensionRequestedBy";
    public static final String EXTENSION_REQUESTED_AT = "extensionRequestedAt";
    public static final String EXTENSION_DECIDED_BY = "extensionDecidedBy";
    public static final String EXTENSION_APPROVED_AT = "extensionApprovedAt";
    public static final String EXTENSION_ENTRY = "extensionEntry";
    /** Engine-owned: APPROVAL (the catalogue's extension, by a head) or DISCUSSION (beyond it, SAMR 第六十四条). */
    public static final String EXTENSION_ROUTE = "extensionRoute";
    public static final String PROPOSED_EXTENSION_DAYS = "proposedExtensionDays";
    public static final String EXTENSION_DISCUSSION_RESULT = "extensionDiscussionResult";
    public static final String EXTENSION_DISCUSSION_CONCLUSION = "extensionDiscussionConclusion";
    public static final String FURTHER_EXTENSION_DAYS = "furtherExtensionDays";
    public static final String EXTENSION_MINUTES_DOCUMENT_ID = "extensionMinutesDocumentId";

    // investigation
    public static final String INVESTIGATORS = "investigators";
    public static final String INVESTIGATOR = "investigator";
    public static final String RECUSAL_DECLARATION = "recusalDeclaration";
    public static final String RECUSAL_GROUND = "recusalGround";
    public static final String RECUSAL_DECISION = "recusalDecision";
    public static final String RECUSAL_DECISION_REASON = "recusalDecisionReason";
    public static final String REPLACEMENT_OFFICER = "replacementOfficer";
    public static final String RECUSED_OFFICERS = "recusedOfficers";
    public static final String RECUSAL_DECIDED_BY = "recusalDecidedBy";
    public static final String INVESTIGATION_ACTION = "investigationAction";
    public static final String INVESTIGATION_NOTE = "investigationNote";
    public static final String PRESERVATION_ITEMS = "preservationItems";
    public static final String PRESERVATION_REQUESTED_BY = "preservationRequestedBy";
    public static final String PRESERVATION_DECISION = "preservationDecision";
    public static final String PRESERVATION_APPROVED_BY = "preservationApprovedBy";
    public static final String EVIDENCE_PRESERVED_AT = "evidencePreservedAt";
    public static final String PRESERVATION_OUTCOME = "preservationOutcome";
    public static final String PRESERVATION_OUTCOME_NOTE = "preservationOutcomeNote";
    public static final String SEIZURE_ITEMS = "seizureItems";
    public static final String SEIZURE_BASIS = "seizureBasis";
    public static final String SEIZURE_REQUESTED_BY = "seizureRequestedBy";
    public static final String SEIZURE_DECISION = "seizureDecision";
    public static final String SEIZURE_DECISION_NOTE = "seizureDecisionNote";
    public static final String SEIZURE_APPROVED_BY = "seizureApprovedBy";
    public static final String SEIZED_AT = "seizedAt";
    public static final String SEIZURE_DOCUMENT_ID = "seizureDocumentId";
    public static final String SEIZURE_OUTCOME = "seizureOutcome";
    public static final String SEIZURE_OUTCOME_NOTE = "seizureOutcomeNote";
    public static final String SEIZURE_EXTENSION_REASON = "seizureExtensionReason";
    public static final String SEIZURE_EXTENSION_REQUESTED_AT = "seizureExtensionRequestedAt";
    public static final String SEIZURE_EXTENSION_DECISION = "seizureExtensionDecision";
    public static final String SEIZURE_EXTENSION_NOTE = "seizureExtensionNote";
    public static final String SEIZURE_EXTENSION_DECIDED_BY = "seizureExtensionDecidedBy";
    public static final String SEIZURE_EXTENSION_APPROVED_AT = "seizureExtensionApprovedAt";
    public static final String SEIZURE_EXTENSION_NOTICE_ID = "seizureExtensionNoticeId";
    public static final String SEIZURE_RELEASE_DOCUMENT_ID = "seizureReleaseDocumentId";
    public static final String TESTING_ITEMS = "testingItems";
    public static final String TESTING_STARTED_AT = "testingStartedAt";
    public static final String TESTING_RESULT = "testingResult";

    // report
    public static final String PROPOSAL = "proposal";
    public static final String FACTS = "facts";
    public static final String EVIDENCE = "evidence";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String PENALTY_KIND = "penaltyKind";
    public static final String PENALTY_DESCRIPTION = "penaltyDescription";
    public static final String FINE_AMOUNT = "fineAmount";
    public static final String CONFISCATION_AMOUNT = "confiscationAmount";
    public static final String DISCRETION_BAND = "discretionBand";
    public static final String DISCRETION_REASON = "discretionReason";
    public static final String COMPLEX = "complex";
    public static final String MAJOR_PUBLIC_INTEREST = "majorPublicInterest";
    public static final String SEVERE_VIOLATION = "severeViolation";
    public static final String NO_PENALTY_REASON = "noPenaltyReason";
    public static final String TRANSFER_AUTHORITY = "transferAuthority";
    public static final String CLOSING_REASON = "closingReason";
    public static final String REPORTED_BY = "reportedBy";

    // rules (DMN)
    public static final String HEARING_RIGHT = "hearingRight";
    public static final String HEARING_RIGHT_REASON = "hearingRightReason";
    public static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
    public static final String LEGAL_REVIEW_REASON = "legalReviewReason";
    public static final String DISCUSSION_REQUIRED = "collectiveDiscussionRequired";
    public static final String DISCUSSION_REASON = "collectiveDiscussionReason";
    public static final String HEARING_HELD = "hearingHeld";

    // notice and defence
    public static final String NOTICE_DOCUMENT_ID = "noticeDocumentId";
    public static final String NOTICE_SERVED_AT = "noticeServedAt";
    public static final String NOTICE_ROUND = "noticeRound";
    public static final String NOTIFIED_PENALTY_KIND = "notifiedPenaltyKind";
    public static final String NOTIFIED_FINE_AMOUNT = "notifiedFineAmount";
    public static final String NOTIFIED_CONFISCATION_AMOUNT = "notifiedConfiscationAmount";
    public static final String NOTIFIED_PENALTY_TEXT = "notifiedPenaltyText";
    public static final String PARTY_RESPONSE = "partyResponse";
    public static final String STATEMENT_TEXT = "statementText";
    public static final String STATEMENT_REVIEW = "statementReview";
    public static final String STATEMENT_ADOPTED = "statementAdopted";
    public static final String WAIVER_ATTACHMENT_ID = "waiverAttachmentId";
    public static final String NEW_NOTICE_REASON = "newNoticeReason";
    public static final String STATEMENT_WAIVED = "statementWaived";
    public static final String HEARD_BY = "heardBy";

    // called processes
    public static final String PAUSE_DEADLINE = "pauseDeadline";
    public static final String MATTER = "matter";
    public static final String REVIEW_RESULT = "reviewResult";
    public static final String DISCUSSION_RESULT = "discussionResult";
    public static final String CHANGED_PENALTY_HEAVIER = "changedPenaltyHeavier";
    public static final String HEARING_RESULT = "hearingResult";
    public static final String HEARING_REPORT_DOCUMENT_ID = "hearingReportDocumentId";

    // decision
    public static final String CASE_DECISION = "caseDecision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECIDED_AT = "decidedAt";
    public static final String DECIDED_PENALTY_TEXT = "decidedPenaltyText";
    public static final String PERFORMANCE_METHOD = "performanceMethod";
    public static final String PERFORMANCE_DEADLINE = "performanceDeadline";
    public static final String RECONSIDERATION_ORGAN = "reconsiderationOrgan";
    public static final String COURT = "court";
    public static final String DECISION_DRAFTED_BY = "decisionDraftedBy";
    public static final String DECISION_DOCUMENT_ID = "decisionDocumentId";
    public static final String DECISION_SERVED_AT = "decisionServedAt";

    // hand-on to case-execution (docs/execution.md)
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String FINE_AMOUNT_FEN = "fineAmountFen";
    public static final String CONFISCATION_AMOUNT_FEN = "confiscationAmountFen";
    public static final String EXECUTION_STATUS = "executionStatus";

    private PenaltyCaseVariables() {
    }
}
