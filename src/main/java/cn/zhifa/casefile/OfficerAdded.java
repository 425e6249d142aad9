package cn.zhifa.casefile;

/** An officer was put on a case after registration (published inside the transaction). */
public record OfficerAdded(long caseId, String userId, OfficerRole role) {
}
