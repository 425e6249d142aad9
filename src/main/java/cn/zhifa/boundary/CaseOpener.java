package cn.zhifa.boundary;

import cn.zhifa.casefile.CaseDetail;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a process that opens its own case (BPMN process property {@value EngineVariables#OPENS_CASE_PROPERTY} =
 * {@code true}, e.g. the general procedure whose start form is the clue) implements: it registers the new case from
 * its start form, in the person's name, through the case register's own checks (an officer of a handling unit of his
 * agency, two officers with valid certificates). The boundary then binds the proceeding to that case exactly as it
 * binds one named by {@code caseRef}. A start of such a process names an existing case only when another proceeding
 * handed that case over to it ({@link CaseHandOvers}, written by the engine), and adopts it once: {@link #adopt}.
 */
public interface CaseOpener {

    /** The process key whose starts this opener serves. */
    String processKey();

    /** Registers the case from the start variables of {@code execution}, started by {@code starter}. */
    CaseDetail open(DelegateExecution execution, String starter);

    /**
     * Takes over {@code handedOver}, a case another proceeding handed over to this process (the boundary checked the
     * hand-over and took it): checks that {@code starter} may take it and sets the start variables the process reads
     * from its start form from the case instead. Returns the case to bind.
     */
    CaseDetail adopt(DelegateExecution execution, String starter, CaseDetail handedOver);
}
