package cn.zhifa.service;

/**
 * Names of the document-service process variables, shared by listeners, delegates, forms (component keys), callers
 * and tests. Those marked "engine" are declared engine-owned in the BPMN: no client may write them.
 */
public final class ServiceVariables {

    public static final String PROCESS_KEY = "document-service";
    /** The agency's own period for serving a decision not handed over on the spot (7 working days). */
    public static final String AGENCY_PERIOD = "DECISION_SERVICE";
    public static final String ANNOUNCEMENT_PERIOD = "ANNOUNCEMENT_SERVICE";
    public static final String ANNOUNCEMENT_PERIOD_ABROAD = "ANNOUNCEMENT_SERVICE_ABROAD";

    // what is served on whom: the start form, or the caller's camunda:in
    public static final String DOCUMENT_TO_SERVE = "documentToServe";
    public static final String RECIPIENT = "recipient";
    /** Caller: the exact document version to serve (engine). */
    public static final String SERVICE_DOCUMENT_ID = "serviceDocumentId";
    /** Caller: when the decision was made, the clock start of the agency's period (engine). */
    public static final String DECIDED_AT = "decidedAt";
    /** Caller: the caller's catalogue entry whose clock stands still during announcement service (engine). */
    public static final String PAUSE_DEADLINE = "pauseDeadline";

    // set by the engine when the service starts (engine)
    public static final String SERVICE_DOCUMENT_TYPE = "serviceDocumentType";
    public static final String SERVICE_DOCUMENT_NAME = "serviceDocumentName";
    public static final String SERVICE_DOCUMENT_MADE_ON = "serviceDocumentMadeOn";
    public static final String RECIPIENT_NAME = "recipientName";
    public static final String RECIPIENT_KIND = "recipientKind";
    public static final String RECIPIENT_ADDRESS = "recipientAddress";
    public static final String SERVICE_RECORD_ID = "serviceRecordId";
    public static final String AGENCY_PERIOD_APPLIES = "agencyPeriodApplies";
    public static final String SERVICE_DUE_AT = "serviceDueAt";
    public static final String SERVICE_REMIND_AT = "serviceRemindAt";
    public static final String FAILED_ATTEMPTS = "failedAttempts";
    public static final String ATTEMPT_HISTORY = "attemptHistory";

    // 选择送达方式
    public static final String SERVICE_METHOD_CHOICE = "serviceMethodChoice";
    public static final String SERVICE_ADDRESS = "serviceAddress";
    public static final String DIRECT_DIFFICULTY = "directDifficulty";
    public static final String INTERMEDIARY_BODY = "intermediaryBody";
    public static final String FORWARD_REASON = "forwardReason";
    public static final String CONSENT_ATTACHMENT_ID = "consentAttachmentId";
    public static final String CONSENT_SIGNED_ON = "consentSignedOn";
    public static final String ELECTRONIC_ADDRESS = "electronicAddress";
    public static final String ELECTRONIC_CHANNEL = "electronicChannel";
    public static final String WHEREABOUTS_UNKNOWN = "whereaboutsUnknown";
    public static final String ANNOUNCEMENT_REASON = "announcementReason";
    /** Engine: who chose the method; the serving task is his. */
    public static final String METHOD_CHOSEN_BY = "methodChosenBy";
    /** Engine: the 送达回证 generated for this attempt. */
    public static final String RECEIPT_DOCUMENT_ID = "receiptDocumentId";

    // the attempt forms
    public static final String DIRECT_OUTCOME = "directOutcome";
    public static final String SIGNATORY_ROLE = "signatoryRole";
    public static final String SIGNATORY_NAME = "signatoryName";
    public static final String SIGNED_ON = "signedOn";
    public static final String SIGNED_RECEIPT_ATTACHMENT_ID = "signedReceiptAttachmentId";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String LEFT_ON = "leftOn";
    public static final String WITNESSES = "witnesses";
    public static final String LEAVING_RECORDING_ATTACHMENT_ID = "leavingRecordingAttachmentId";
    public static final String REFUSAL_RECEIPT_ATTACHMENT_ID = "refusalReceiptAttachmentId";
    public static final String FAILURE_REASON = "failureReason";
    public static final String ATTEMPTED_ON = "attemptedOn";
    public static final String ELECTRONIC_OUTCOME = "electronicOutcome";
    public static final String ARRIVED_ON = "arrivedOn";
    public static final String EVIDENCE_ATTACHMENT_ID = "evidenceAttachmentId";
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String POSTED_ON = "postedOn";
    public static final String POST_OUTCOME = "postOutcome";
    public static final String RECEIVED_ON = "receivedOn";
    public static final String RETURN_RECEIPT_ATTACHMENT_ID = "returnReceiptAttachmentId";
    public static final String INTERMEDIARY_OUTCOME = "intermediaryOutcome";
    public static final String POSTED_ON_BOARD = "postedOnBoard";
    public static final String POSTED_AT_RESIDENCE = "postedAtResidence";
    public static final String PUBLISHED_IN_NEWSPAPER = "publishedInNewspaper";
    public static final String PUBLISHED_ON_WEBSITE = "publishedOnWebsite";
    public static final String ANNOUNCEMENT_PLACE = "announcementPlace";
    public static final String PUBLISHED_ON = "publishedOn";
    public static final String ANNOUNCEMENT_ATTACHMENT_ID = "announcementAttachmentId";
    public static final String POSTING_RECORDING_ATTACHMENT_ID = "postingRecordingAttachmentId";
    public static final String DOMICILE_IN_CHINA = "domicileInChina";
    public static final String OVERDUE_INSTRUCTION = "overdueInstruction";

    // the attempt as its form established it (engine)
    public static final String ATTEMPT_METHOD = "attemptMethod";
    public static final String ATTEMPT_OUTCOME = "attemptOutcome";
    public static final String ATTEMPT_DATE = "attemptDate";
    public static final String ATTEMPT_NOTE = "attemptNote";
    public static final String ATTEMPT_EVIDENCE = "attemptEvidence";
    public static final String ATTEMPT_BY = "attemptBy";

    // announcement and the agency's period (engine)
    /** Clock start of the announcement period: the day the announcement was issued (last posting or publication). */
    public static final String ANNOUNCED_AT = "announcedAt";
    public static final String ANNOUNCEMENT_PERIOD_ENTRY = "announcementPeriod";
    public static final String PAUSED_DEADLINE_INSTANCE = "pausedDeadlineInstance";
    public static final String SERVICE_OVERDUE = "serviceOverdue";

    // what the caller receives (engine)
    /** The date of service (a Date at 00:00 Asia/Shanghai): the party's periods count from the next day. */
    public static final String SERVICE_DATE = "serviceDate";
    /** A {@link ServiceMethod} name. */
    public static final String SERVICE_METHOD = "serviceMethod";
    public static final String SERVED_BY = "servedBy";
    /** The interval in which the caller's period stands still (SAMR rules Art. 64(2)): from publication to service. */
    public static final String ANNOUNCEMENT_PUBLISHED_ON = "announcementPublishedOn";
    public static final String ANNOUNCEMENT_SERVED_ON = "announcementServedOn";

    private ServiceVariables() {
    }
}
