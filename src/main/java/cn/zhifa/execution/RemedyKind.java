package cn.zhifa.execution;

/** The party's remedies against the decision (行政复议法 第二十条, 行政诉讼法 第四十六条). */
public enum RemedyKind {
    RECONSIDERATION("行政复议"),
    LITIGATION("行政诉讼");

    private final String chineseName;

    RemedyKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
