package cn.zhifa.review;

/** How a legal review ends; the calling process branches on it (variable {@code reviewResult}). */
public enum ReviewResult {

    APPROVED("审核通过"),
    APPROVED_AFTER_COORDINATION("协调后通过"),
    TRANSFER("移送有权机关"),
    WITHDRAWN("承办机构撤回");

    private final String chineseName;

    ReviewResult(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
