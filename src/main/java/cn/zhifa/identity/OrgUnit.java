package cn.zhifa.identity;

/**
 * A row of the org chart: an agency (kind AGENCY, with its 统一社会信用代码 and case-number prefix) or one of its units
 * (kind HANDLING, LEGAL or LEADERSHIP, with the agency's id). Each is also a Camunda group of type UNIT, same id.
 */
public record OrgUnit(String id, String name, String kind, String agencyId, String creditCode,
        String caseNumberPrefix) {

    public boolean isAgency() {
        return Units.KIND_AGENCY.equals(kind);
    }
}
