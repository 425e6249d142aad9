package cn.zhifa.casefile;

/**
 * Search criteria of the register; every criterion is optional. {@code caseNo} and {@code party} match a part of the
 * number or of a party's name (or a party's full identity number / credit code); {@code text} (the picker's one
 * box) matches a part of the number, a party's name or the title, or the registration number (12 or 登记号12).
 */
public record CaseQuery(String caseNo, String party, CaseStage stage, String unitId, Boolean overdue, Integer limit,
        String text) {

    public CaseQuery(String caseNo, String party, CaseStage stage, String unitId, Boolean overdue, Integer limit) {
        this(caseNo, party, stage, unitId, overdue, limit, null);
    }

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null);
    }
}
