package cn.zhifa.identity;

/** Camunda group ids of the roles. Units are groups too; see {@link Units}. */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String LEGAL_REVIEWER = "legal-reviewer";
    public static final String AGENCY_HEAD = "agency-head";
    public static final String HEARING_HOST = "hearing-host";
    public static final String SUPERVISOR = "supervisor";
    public static final String PROCESS_DESIGNER = "process-designer";
    /** The platform administrator: creates agencies, may administer any of them, and everything in Camunda. */
    public static final String ADMIN = "camunda-admin";
    /** An agency's administrator (机构管理员): sets up his own agency's units and staff, nothing else. */
    public static final String AGENCY_ADMIN = "agency-admin";

    private Roles() {
    }
}
