package cn.zhifa.boundary;

import java.util.Set;

/**
 * Variables every case process carries and only the engine sets: which case, its agency and units, who started the
 * proceeding and when. A process declares its own engine-owned variables on top of these in its BPMN (process
 * extension property {@value #OWNED_PROPERTY}).
 */
public final class EngineVariables {

    public static final String CASE_ID = "caseId";
    public static final String AGENCY_ID = "agencyId";
    public static final String HANDLING_UNIT = "handlingUnit";
    public static final String LEGAL_UNIT = "legalUnit";
    public static final String LEADERSHIP_UNIT = "leadershipUnit";
    public static final String STARTED_BY = "startedBy";
    public static final String STARTED_AT = "startedAt";

    /** What a person types to name the case when starting a proceeding: case number or registration number. */
    public static final String CASE_REFERENCE = "caseRef";

    /** BPMN process extension property: the process's own engine-owned variables, comma-separated. */
    public static final String OWNED_PROPERTY = "engineOwnedVariables";
    /** BPMN process extension property: "true" when the law runs this proceeding once at a time per case. */
    public static final String ONE_PER_CASE_PROPERTY = "onePerCase";
    /**
     * BPMN process extension property: "true" when a person's start of this process registers a new case (through the
     * process's {@link CaseOpener}) instead of naming an existing one with {@value #CASE_REFERENCE}.
     */
    public static final String OPENS_CASE_PROPERTY = "opensCase";

    public static final Set<String> COMMON = Set.of(CASE_ID, AGENCY_ID, HANDLING_UNIT, LEGAL_UNIT, LEADERSHIP_UNIT,
            STARTED_BY, STARTED_AT);

    private EngineVariables() {
    }
}
