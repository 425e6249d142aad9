package cn.zhifa.casefile;

/**
 * A change to an archived case was refused; published before the refusal is thrown, so that the case record keeps
 * it once the refused transaction has rolled back.
 */
public record ArchivedCaseChangeRefused(long caseId, String actor, String change, String message) {
}
