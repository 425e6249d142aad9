package cn.zhifa.casefile;

/** A case was registered (published inside the registering transaction). */
public record CaseRegistered(long caseId, String actor, NewCase request) {
}
