package cn.zhifa.casefile;

/** What the case leads to: an administrative penalty (行政处罚) or another enforcement decision. */
public enum CaseKind {
    PENALTY("行政处罚"),
    OTHER_DECISION("其他行政执法决定");

    private final String chineseName;

    CaseKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
