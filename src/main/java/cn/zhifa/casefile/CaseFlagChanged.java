package cn.zhifa.casefile;

/** The overdue or submitted-for-review flag of a case changed (published inside the transaction). */
public record CaseFlagChanged(long caseId, Flag flag, boolean value) {

    public enum Flag {
        OVERDUE, SUBMITTED_FOR_REVIEW
    }
}
