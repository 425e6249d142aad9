package cn.zhifa.identity;

/** Unit kinds, and the group ids of the demo agency and its organisational units (the org chart itself lives in org_unit). */
public final class Units {

    public static final String AGENCY = "agency-amr";
    public static final String SQUAD_1 = "unit-squad-1";
    public static final String SQUAD_2 = "unit-squad-2";
    public static final String LEGAL_AFFAIRS = "unit-legal";
    public static final String LEADERSHIP = "unit-leadership";

    /** org_unit.kind: the agency itself, a handling unit (承办机构), the legal-affairs unit, the leadership. */
    public static final String KIND_AGENCY = "AGENCY";
    public static final String KIND_HANDLING = "HANDLING";
    public static final String KIND_LEGAL = "LEGAL";
    public static final String KIND_LEADERSHIP = "LEADERSHIP";

    /** Camunda group type of organisational units, to tell them apart from role groups. */
    public static final String GROUP_TYPE = "UNIT";

    private Units() {
    }
}
