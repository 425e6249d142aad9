package cn.zhifa.execution;

/** The variables of case-execution.bpmn (the engine-owned ones are declared in the model). */
final class ExecutionVariables {

    static final String PROCESS_KEY = "case-execution";

    // the caller's inputs (camunda:in), or the start form of a case decided before the system
    static final String DECISION_OUTCOME = "decisionOutcome";
    static final String DECISION_DOCUMENT_ID = "decisionDocumentId";
    static final String DECISION_SERVED_AT = "decisionServedAt";
    static final String FINE_AMOUNT_FEN = "fineAmountFen";
    static final String CONFISCATION_AMOUNT_FEN = "confiscationAmountFen";
    static final String OWN_ENFORCEMENT_POWER = "ownEnforcementPower";
    /** Start form: amounts in yuan as typed. */
    static final String FINE_AMOUNT = "fineAmount";
    static final String CONFISCATION_AMOUNT = "confiscationAmount";

    // engine-owned
    static final String DECISION_RECEIVED_AT = "decisionReceivedAt";
    static final String EXECUTION_STATUS = "executionStatus";
    static final String PAYMENT_DUE_AT = "paymentDueAt";
    static final String EXECUTION_TEXT = "executionText";
    static final String PROPOSED_SCHEDULE = "proposedSchedule";
    static final String PROPOSED_SCHEDULE_TEXT = "proposedScheduleText";
    static final String DEFERRAL_REQUESTED_BY = "deferralRequestedBy";
    static final String APPLIED_REMEDY_ID = "appliedRemedyId";
    static final String REMEDY_OUTCOME = "remedyOutcome";
    static final String CLOSING_REASON = "closingReason";
    static final String CLOSING_TRIGGERED_AT = "closingTriggeredAt";
    static final String CASE_CLOSED_AT = "caseClosedAt";
    static final String CLOSING_APPROVED_BY = "closingApprovedBy";
    static final String SURCHARGE_STARTED_AT = "surchargeStartedAt";
    static final String ENFORCEMENT_STEP = "enforcementStep";
    static final String REMEDY_PERIOD_ENDED_AT = "remedyPeriodEndedAt";
    static final String DEMAND_NOTICE_DOCUMENT_ID = "demandNoticeDocumentId";
    static final String DUNNING_SERVED_AT = "dunningServedAt";
    static final String COURT_APPLIED_BY = "courtAppliedBy";
    static final String COURT_APPLICATION_DOCUMENT_ID = "courtApplicationDocumentId";
    static final String CASE_FILE_TEXT = "caseFileText";
    static final String ARCHIVED_BY = "archivedBy";
    static final String CASE_ARCHIVED_AT = "caseArchivedAt";

    // form fields
    static final String PAYMENT_ACTION = "paymentAction";
    static final String RECEIPT_NO = "receiptNo";
    static final String PAID_AMOUNT = "paidAmount";
    static final String PAID_ON = "paidOn";
    static final String DEFERRAL_SCHEDULE = "deferralSchedule";
    static final String DEFERRAL_REASON = "deferralReason";
    static final String DEFERRAL_DECISION = "deferralDecision";
    static final String DEFERRAL_DECISION_NOTE = "deferralDecisionNote";
    static final String CLOSING_OPINION = "closingOpinion";
    static final String ARCHIVE_CONFIRMED = "archiveConfirmed";
    static final String ENFORCEMENT_COURT = "enforcementCourt";
    static final String ENFORCEMENT_RESULT = "enforcementResult";
    static final String ENFORCEMENT_DOCUMENT_NO = "enforcementDocumentNo";
    static final String ENFORCEMENT_ENDED_ON = "enforcementEndedOn";

    private ExecutionVariables() {
    }
}
