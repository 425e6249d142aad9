package cn.zhifa.casefile;

/** An officer on a case, with the name a person reads. */
public record CaseOfficer(String userId, String name, OfficerRole role) {
}
