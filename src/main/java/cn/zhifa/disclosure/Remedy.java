package cn.zhifa.disclosure;

/**
 * What happened to a disclosed decision (行政处罚法 第四十八条第二款: 被依法变更、撤销、确认违法或者确认无效): the first
 * three withdraw the record; a change withdraws it and publishes a corrected record of the changed decision.
 */
public enum Remedy {
    REVOKED("被依法撤销"),
    CONFIRMED_ILLEGAL("被确认违法"),
    CONFIRMED_INVALID("被确认无效"),
    CHANGED("被依法变更");

    /** The BPMN message of a revocation, confirmed illegality or invalidity, correlated to the case. */
    public static final String REVOKED_MESSAGE = "DecisionRevoked";
    /** The BPMN message of a changed decision, correlated to the case. */
    public static final String CHANGED_MESSAGE = "DecisionChanged";

    private final String chineseName;

    Remedy(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    String message() {
        return this == CHANGED ? CHANGED_MESSAGE : REVOKED_MESSAGE;
    }
}
