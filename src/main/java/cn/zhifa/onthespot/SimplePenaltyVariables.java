package cn.zhifa.onthespot;

/** The variables of {@code simple-penalty}: the start form's, the tasks' and those the engine owns. */
final class SimplePenaltyVariables {

    static final String PROCESS_KEY = "simple-penalty";

    // start form (当场发现违法行为)
    static final String CERTIFICATE_SHOWN = "certificateShown";
    static final String FACTS = "facts";
    static final String LEGAL_BASIS = "legalBasis";
    static final String PLACE = "place";
    static final String RIGHTS_TOLD = "rightsTold";
    static final String STATEMENT_MODE = "statementMode";
    static final String PARTY_STATEMENT = "partyStatement";
    static final String PENALTY_KIND = "penaltyKind";
    static final String FINE_AMOUNT = "fineAmount";

    // deliver-on-the-spot-decision
    static final String RECEIPT = "receipt";
    static final String REFUSAL_NOTE = "refusalNote";
    static final String PAYMENT_METHOD = "paymentMethod";
    static final String COLLECTION_GROUND = "collectionGround";
    static final String RECEIPT_NO = "receiptNo";

    // record-bank-payment, hand-in-collected-fine, deposit-collected-fine, file-on-the-spot-decision
    static final String PAID = "paid";
    static final String PAID_ON = "paidOn";
    static final String PAYMENT_VOUCHER = "paymentVoucher";
    static final String HAND_IN_NOTE = "handInNote";
    static final String DEPOSIT_VOUCHER = "depositVoucher";
    static final String MATERIALS = "materials";
    static final String MATERIALS_HANDED_IN = "materialsHandedIn";

    // hand-over-to-general-procedure
    static final String ACT_DATE = "actDate";
    static final String ACT_END_DATE = "actEndDate";
    static final String HARMFUL = "harmToLifeHealthFinance";
    static final String EVIDENCE = "evidence";

    // supervise-hand-in, supervise-deposit, supervise-filing (the instruction is local to each supervision)
    static final String SUPERVISION_INSTRUCTION = "supervisionInstruction";

    // engine-owned
    static final String OFFICER_NAME = "officerName";
    static final String CERTIFICATE_NO = "certificateNo";
    static final String CASE_NO = "caseNo";
    static final String PARTY_KIND = "partyKind";
    static final String PARTY_NAME = "partyName";
    static final String ELIGIBILITY = "eligibility";
    /** From the table: within the limits of 第五十一条, and why (or why not). */
    static final String WITHIN_LIMITS = "withinLimits";
    static final String LIMITS_REASON = "limitsReason";
    static final String DECIDED_AT = "decidedAt";
    static final String DECISION_DOCUMENT_ID = "decisionDocumentId";
    static final String DECISION_RECEIVED_AT = "decisionReceivedAt";
    /** NONE (a warning), BANK or CASH. */
    static final String PAYMENT = "payment";
    static final String FINE_TEXT = "fineText";
    static final String FINE_COLLECTED_AT = "fineCollectedAt";
    static final String FINE_HANDED_IN_AT = "fineHandedInAt";
    /** NONE, PAID or NOT_PAID. */
    static final String PAYMENT_OUTCOME = "paymentOutcome";
    static final String FILED_AT = "filedAt";
    /** Local to a supervision: which matter ran out of time, since when, whose. */
    static final String OVERDUE_MATTER = "overdueMatter";

    private SimplePenaltyVariables() {
    }
}
