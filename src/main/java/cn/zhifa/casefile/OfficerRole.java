package cn.zhifa.casefile;

/** An officer's role on a case: the handling officer (主办) or a further investigating officer (协办). */
public enum OfficerRole {
    HANDLER("主办人员"),
    INVESTIGATOR("协办人员");

    private final String chineseName;

    OfficerRole(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
