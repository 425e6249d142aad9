package cn.zhifa.discussion;

/**
 * Names of the collective-discussion process variables, shared by listeners, forms (component keys), the BPMN and
 * tests. The engine-owned ones are declared in the BPMN (process property {@code engineOwnedVariables}).
 */
public final class CollectiveDiscussionVariables {

    public static final String PROCESS_KEY = "collective-discussion";

    // the matter, from the start form or the caller
    public static final String MATTER = "matter";
    public static final String DECISION_TITLE = "decisionTitle";
    public static final String CASE_STATEMENT = "caseStatement";
    public static final String DRAFT_DECISION = "draftDecision";
    public static final String EXTENSION_GROUNDS = "extensionGrounds";
    public static final String PROPOSED_EXTENSION_DAYS = "proposedExtensionDays";

    // context the engine prepares for the forms
    public static final String REQUESTED_BY = "requestedBy";
    public static final String CASE_NO = "caseNo";
    public static final String CASE_TITLE = "caseTitle";
    public static final String MATTER_NAME = "matterName";
    public static final String LEGAL_REVIEW_TEXT = "legalReviewText";
    public static final String HEARING_REPORT_TEXT = "hearingReportText";
    public static final String DECISION_PERIOD_TEXT = "decisionPeriodText";
    public static final String MEMBER_OPTIONS = "memberOptions";
    public static final String OUTCOME_OPTIONS = "outcomeOptions";
    public static final String MEETING_TEXT = "meetingText";
    public static final String ATTENDANCE_TEXT = "attendanceText";
    public static final String OPINION_SUMMARY = "opinionSummary";

    // convening (召集)
    public static final String MEETING_AT = "meetingAt";
    public static final String MEETING_PLACE = "meetingPlace";
    public static final String RECORDER = "recorder";
    public static final String DESIGNATED_PRESIDING_HEAD = "designatedPresidingHead";
    public static final String CONVENED_BY = "convenedBy";
    public static final String PRESIDING_HEAD = "presidingHead";
    public static final String PRESIDING_HEAD_NAME = "presidingHeadName";
    public static final String MEMBERS = "members";

    // attendance (出席情况)
    public static final String MEETING_ACTION = "meetingAction";
    public static final String ATTENDING_HEADS = "attendingHeads";
    public static final String ABSENCE_NOTE = "absenceNote";
    public static final String NON_VOTING_ATTENDEES = "nonVotingAttendees";
    public static final String POSTPONE_REASON = "postponeReason";
    public static final String PRESENT_MEMBERS = "presentMembers";
    public static final String ABSENT_MEMBERS = "absentMembers";

    // each head's opinion (multi-instance over presentMembers)
    public static final String MEMBER = "member";
    public static final String OPINION = "opinion";
    public static final String OPINION_REASONS = "opinionReasons";

    // the conclusion
    public static final String CONCLUSION_OUTCOME = "conclusionOutcome";
    public static final String CONCLUSION_REASONS = "conclusionReasons";
    public static final String CHANGED_PENALTY = "changedPenalty";
    public static final String HEAVIER_THAN_PROPOSED = "heavierThanProposed";
    public static final String TRANSFER_AUTHORITY = "transferAuthority";
    public static final String INVESTIGATION_ITEMS = "investigationItems";
    public static final String EXTENSION_DAYS = "extensionDays";

    // what goes back to the caller
    public static final String DISCUSSION_RESULT = "discussionResult";
    public static final String DISCUSSION_CONCLUSION = "discussionConclusion";
    public static final String CHANGED_PENALTY_HEAVIER = "changedPenaltyHeavier";
    public static final String FURTHER_EXTENSION_DAYS = "furtherExtensionDays";
    public static final String MINUTES_DOCUMENT_ID = "minutesDocumentId";

    private CollectiveDiscussionVariables() {
    }
}
