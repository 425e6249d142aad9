package cn.zhifa.discussion;

/**
 * How a collective discussion ends; the calling process branches on it (variable {@code discussionResult}). A changed
 * penalty that is heavier than the one the party was told of needs a new notice (行政处罚法 第四十四条、第四十五条): the
 * caller reads {@code changedPenaltyHeavier}. A further extension comes with its length ({@code furtherExtensionDays}).
 */
public enum DiscussionResult {

    PENALTY_AS_PROPOSED("同意按拟处理意见给予行政处罚"),
    PENALTY_CHANGED("变更拟作出的行政处罚"),
    NO_PENALTY("不予行政处罚"),
    TRANSFER("移送有关机关处理"),
    FURTHER_INVESTIGATION("退回承办机构补充调查"),
    EXTENSION_GRANTED("继续延长办案期限"),
    EXTENSION_REFUSED("不同意继续延长办案期限");

    private final String chineseName;

    DiscussionResult(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
