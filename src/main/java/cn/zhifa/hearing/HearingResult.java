package cn.zhifa.hearing;

/** How a hearing ended ({@code hearingResult}), what the caller branches on. */
public enum HearingResult {
    /** Held: the transcript and the host's report are in the case file (行政处罚法 第六十五条). */
    HELD("已举行听证"),
    /** The party withdrew the request, or left without permission (第六十四条第六项: 视为放弃听证权利). */
    WITHDRAWN("当事人放弃听证"),
    /** The party did not appear without good reason (第六十四条第六项). */
    ABSENT("当事人无正当理由未出席听证"),
    /** Not held: the request was late or outside the hearing right (不予听证通知书). */
    REFUSED("不予听证");

    private final String chineseName;

    HearingResult(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
