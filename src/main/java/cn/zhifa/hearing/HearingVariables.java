package cn.zhifa.hearing;

/**
 * Names of the hearing process variables, shared by listeners, forms (component keys), the BPMN and tests. The
 * engine-owned ones are declared in the BPMN (process property {@code engineOwnedVariables}).
 */
public final class HearingVariables {

    public static final String PROCESS_KEY = "hearing";

    // from the caller (camunda:in), engine-owned
    public static final String NOTICE_SERVED_AT = "noticeServedAt";
    public static final String HEARING_RIGHT = "hearingRight";
    public static final String HEARING_RIGHT_REASON = "hearingRightReason";
    public static final String PAUSE_DEADLINE = "pauseDeadline";

    // context the engine prepares for the forms
    public static final String CASE_KEY = "caseKey";
    public static final String CASE_NO = "caseNo";
    public static final String CASE_TITLE = "caseTitle";
    public static final String PARTY_NAME = "partyName";
    public static final String HEARING_RIGHT_TEXT = "hearingRightText";
    public static final String REQUEST_DUE_ON = "requestDueOn";
    public static final String REQUEST_TEXT = "requestText";
    public static final String DESIGNATING_UNITS = "designatingUnits";
    public static final String HEARING_TEXT = "hearingText";
    public static final String INVESTIGATOR_OPTIONS = "investigatorOptions";
    public static final String EARLIEST_HEARING_DATE = "earliestHearingDate";
    public static final String NOTICE_SERVICE_TEXT = "noticeServiceText";

    // 登记听证申请
    public static final String REQUESTED_ON = "requestedOn";
    public static final String REQUEST_MODE = "requestMode";
    public static final String REQUEST_CONTENT = "requestContent";
    public static final String REQUEST_LATE = "requestLate";
    public static final String REQUEST_REGISTERED_BY = "requestRegisteredBy";
    public static final String PAUSED_DEADLINE_INSTANCE = "pausedDeadlineInstance";

    // 决定是否举行听证
    public static final String HEARING_DECISION = "hearingDecision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String HEARING_DECIDED_BY = "hearingDecidedBy";
    public static final String HOLD_HEARING = "holdHearing";
    public static final String REFUSAL_NOTICE_DOCUMENT_ID = "refusalNoticeDocumentId";

    // 指定听证主持人和记录员, 重新确定听证日期
    public static final String DESIGNATED_HOST = "designatedHost";
    public static final String DESIGNATED_CLERK = "designatedClerk";
    public static final String PROPOSED_HEARING_AT = "proposedHearingAt";
    public static final String PROPOSED_PLACE = "proposedPlace";
    public static final String PUBLIC_HEARING = "publicHearing";
    public static final String CONFIDENTIALITY_GROUND = "confidentialityGround";
    public static final String CONFIDENTIALITY_REASON = "confidentialityReason";
    public static final String RESCHEDULE_NOTE = "rescheduleNote";
    public static final String HEARING_HOST = "hearingHost";
    public static final String HEARING_HOST_NAME = "hearingHostName";
    public static final String HEARING_CLERK = "hearingClerk";
    public static final String HEARING_CLERK_NAME = "hearingClerkName";
    public static final String HEARING_AT = "hearingAt";
    public static final String HEARING_PLACE = "hearingPlace";
    public static final String HEARING_PUBLIC = "hearingPublic";
    public static final String PUBLICITY_TEXT = "publicityText";
    public static final String DESIGNATED_BY = "designatedBy";
    public static final String RECUSED_HOSTS = "recusedHosts";

    // the notice and its service
    public static final String HEARING_NOTICE_DOCUMENT_ID = "hearingNoticeDocumentId";
    public static final String HEARING_NOTICE_SERVED_AT = "hearingNoticeServedAt";
    public static final String NOTICE_IN_TIME = "noticeInTime";

    // 举行听证
    public static final String HEARING_ACTION = "hearingAction";
    public static final String ACTION_NOTE = "actionNote";
    public static final String PARTY_PRESENT = "partyPresent";
    public static final String AGENT_NAMES = "agentNames";
    public static final String POWER_OF_ATTORNEY_ATTACHMENT_ID = "powerOfAttorneyAttachmentId";
    public static final String ATTENDING_INVESTIGATORS = "attendingInvestigators";
    public static final String INVESTIGATOR_STATEMENT = "investigatorStatement";
    public static final String PARTY_STATEMENT = "partyStatement";
    public static final String HEARING_OUTCOME = "hearingOutcome";
    public static final String ATTENDANCE_TEXT = "attendanceText";
    public static final String POSTPONEMENTS = "postponements";

    // 决定是否回避
    public static final String RECUSAL_DECISION = "recusalDecision";
    public static final String RECUSAL_REASON = "recusalReason";
    public static final String RECUSAL_GRANTED = "recusalGranted";

    // 制作听证笔录, 制作听证报告
    public static final String TRANSCRIPT_ATTACHMENT_ID = "transcriptAttachmentId";
    public static final String TRANSCRIPT_TEXT = "transcriptText";
    public static final String PARTY_SIGNATURE = "partySignature";
    public static final String TRANSCRIPT_SOURCE = "transcriptSource";
    public static final String TRANSCRIPT_SIGNED = "transcriptSigned";
    public static final String SIGNATURE_REFUSAL_NOTE = "signatureRefusalNote";
    public static final String FACTS_FOUND = "factsFound";
    public static final String EVIDENCE_FINDINGS = "evidenceFindings";
    public static final String HOST_OPINION = "hostOpinion";

    // what goes back to the caller
    public static final String HEARING_RESULT = "hearingResult";
    public static final String HEARING_REPORT_DOCUMENT_ID = "hearingReportDocumentId";
    public static final String HEARING_TRANSCRIPT_DOCUMENT_ID = "hearingTranscriptDocumentId";

    private HearingVariables() {
    }
}
