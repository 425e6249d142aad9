package cn.zhifa.casefile;

/** Where a case stands in the procedure (seeds-catalogue §1.2, §1.3). */
public enum CaseStage {
    CLUE("线索"),
    FILED("立案"),
    INVESTIGATION("调查取证"),
    LEGAL_REVIEW("法制审核"),
    NOTIFICATION("告知"),
    HEARING("听证"),
    DECISION("决定"),
    SERVICE("送达"),
    EXECUTION("执行"),
    DISCLOSURE("公示"),
    CLOSED("结案"),
    ARCHIVED("归档"),
    TRANSFERRED("移送"),
    WITHDRAWN("撤销");

    private final String chineseName;

    CaseStage(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
