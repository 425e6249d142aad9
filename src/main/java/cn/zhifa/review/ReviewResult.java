package cn.zhifa.review;

import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseStage;

/**
 * How a legal review ends; the calling process branches on it (variable {@code reviewResult}), and the case moves on
 * to the stage that follows: a passed review of a penalty case goes to the prior notice (行政处罚法 第四十四条; the
 * order 审核 → 告知 of SAMR Arts. 50–57), of another decision to the decision itself; a transfer to the competent
 * authority ends the case here; a withdrawn submission goes back to the investigation.
 */
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

    /** The stage of a case of this kind once its review ended with this result. */
    public CaseStage stageAfter(CaseKind kind) {
        return switch (this) {
            case APPROVED, APPROVED_AFTER_COORDINATION ->
                    kind == CaseKind.PENALTY ? CaseStage.NOTIFICATION : CaseStage.DECISION;
            case TRANSFER -> CaseStage.TRANSFERRED;
            case WITHDRAWN -> CaseStage.INVESTIGATION;
        };
    }
}
