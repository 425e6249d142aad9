package cn.zhifa.discussion;

import java.util.List;

/**
 * What the heads discuss: a proposed penalty for a complex case or a heavier penalty for a serious violation
 * (行政处罚法 第五十七条第二款), or whether to extend the decision period further once the extension a head may approve
 * is used (《市场监督管理行政处罚程序规定》第六十四条). Each matter has its own outcomes.
 */
public enum DiscussionMatter {

    PENALTY("对拟作出的行政处罚集体讨论决定", DiscussionResult.PENALTY_AS_PROPOSED, List.of(
            DiscussionResult.PENALTY_AS_PROPOSED, DiscussionResult.PENALTY_CHANGED, DiscussionResult.NO_PENALTY,
            DiscussionResult.TRANSFER, DiscussionResult.FURTHER_INVESTIGATION)),
    DECISION_EXTENSION("集体讨论决定是否继续延长办案期限", DiscussionResult.EXTENSION_GRANTED, List.of(
            DiscussionResult.EXTENSION_GRANTED, DiscussionResult.EXTENSION_REFUSED));

    private final String chineseName;
    private final DiscussionResult asProposed;
    private final List<DiscussionResult> outcomes;

    DiscussionMatter(String chineseName, DiscussionResult asProposed, List<DiscussionResult> outcomes) {
        this.chineseName = chineseName;
        this.asProposed = asProposed;
        this.outcomes = outcomes;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The outcome that adopts what was put to the meeting. */
    public DiscussionResult asProposed() {
        return asProposed;
    }

    public List<DiscussionResult> outcomes() {
        return outcomes;
    }
}
