package cn.zhifa.casefile;

/**
 * Search criteria of the register; every criterion is optional. {@code caseNo} and {@code party} match a part of the
 * number or of a party's name (or a party's full identity number / credit code).
 */
public record CaseQuery(String caseNo, String party, CaseStage stage, String unitId, Boolean overdue, Integer limit) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null);
    }
}
