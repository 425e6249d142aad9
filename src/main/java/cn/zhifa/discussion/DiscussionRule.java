package cn.zhifa.discussion;

/**
 * An agency's rule for its collective discussions: who its principal head is (主要负责人, who presides or designates
 * the head who presides), the quorum as a share of its heads ({@code inclusive}: "at least", 以上; otherwise "more
 * than", 过半数 being 1/2 exclusive), how the conclusion is reached, and what the meeting is called.
 */
public record DiscussionRule(String agencyId, String principalHead, int quorumNumerator, int quorumDenominator,
        boolean quorumInclusive, Conclusion conclusion, MeetingKind meetingKind) {

    /** How the meeting concludes; either way the minutes record every dissent. */
    public enum Conclusion {
        PRESIDING_HEAD("主持人听取全部意见后归纳作出决定"),
        MAJORITY("按出席负责人过半数的意见作出决定");

        private final String chineseName;

        Conclusion(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** The heads' meeting of an organ, or the leadership meeting (领导班子会议) of an organisation authorised by law. */
    public enum MeetingKind {
        HEADS_MEETING("负责人集体讨论会议"),
        LEADERSHIP_MEETING("领导班子会议");

        private final String chineseName;

        MeetingKind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** An agency that set nothing: more than half of its heads, the presiding head concludes, no principal head. */
    public static DiscussionRule defaults(String agencyId) {
        return new DiscussionRule(agencyId, null, 1, 2, false, Conclusion.PRESIDING_HEAD, MeetingKind.HEADS_MEETING);
    }

    Quorum quorum() {
        return new Quorum(quorumNumerator, quorumDenominator, quorumInclusive);
    }
}
