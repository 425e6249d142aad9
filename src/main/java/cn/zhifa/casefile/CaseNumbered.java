package cn.zhifa.casefile;

/** A case received its number (案件编号), published inside the numbering transaction. */
public record CaseNumbered(long caseId, String caseNo, String agencyId, int year, int seq) {
}
