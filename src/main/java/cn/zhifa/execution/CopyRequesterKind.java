package cn.zhifa.execution;

/** Who asks for certified copies of an archived case file, and which number identifies them. */
enum CopyRequesterKind {
    /** 公民: the 公民身份号码 is required. */
    CITIZEN("公民"),
    /** 法人或者其他组织: the 统一社会信用代码 is required. */
    ORGANISATION("法人或者其他组织"),
    /** 人民法院: its 统一社会信用代码 if given. */
    COURT("人民法院"),
    /** 其他国家机关: its 统一社会信用代码 if given. */
    AGENCY("其他国家机关");

    private final String chineseName;

    CopyRequesterKind(String chineseName) {
        this.chineseName = chineseName;
    }

    String chineseName() {
        return chineseName;
    }
}
