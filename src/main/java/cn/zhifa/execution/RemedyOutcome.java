package cn.zhifa.execution;

/** What the reconsideration organ or the court decided about the penalty decision. */
public enum RemedyOutcome {
    UPHELD("维持", false),
    CHANGED("变更", false),
    REVOKED("撤销", true),
    /** The decision was unlawful but stays (行政诉讼法 第七十四条): execution goes on. */
    CONFIRMED_ILLEGAL("确认违法", false),
    CONFIRMED_VOID("确认无效", true);

    private final String chineseName;
    private final boolean endsExecution;

    RemedyOutcome(String chineseName, boolean endsExecution) {
        this.chineseName = chineseName;
        this.endsExecution = endsExecution;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Revoked or void: nothing is left to execute, and the disclosure of the decision must be withdrawn. */
    public boolean endsExecution() {
        return endsExecution;
    }
}
