package cn.zhifa.service;

/**
 * How a document reaches the party (民事诉讼法 第八十七条至第九十五条; 市场监督管理行政处罚程序规定 第八十二条), the value
 * of {@code serviceMethod}. 留置 is not chosen beforehand: it is what a direct attempt becomes when the recipient
 * refuses.
 */
public enum ServiceMethod {

    DIRECT("直接送达", true),
    LEFT_AT_RESIDENCE("留置送达", false),
    ELECTRONIC("电子送达", false),
    ENTRUSTED("委托送达", true),
    FORWARDED("转交送达", true),
    POST("邮寄送达", true),
    ANNOUNCEMENT("公告送达", false);

    private final String chineseName;
    private final boolean paperReceipt;

    ServiceMethod(String chineseName, boolean paperReceipt) {
        this.chineseName = chineseName;
        this.paperReceipt = paperReceipt;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether an officer chooses it before an attempt (留置 follows from a refusal). */
    public boolean choosable() {
        return this != LEFT_AT_RESIDENCE;
    }

    /** Whether a 送达回证 goes out with the document, to come back signed. */
    public boolean paperReceipt() {
        return paperReceipt;
    }
}
