package cn.zhifa.boundary;

import cn.zhifa.casefile.CaseDetail;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a process that opens its own case (BPMN process property {@value EngineVariables#OPENS_CASE_PROPERTY} =
 * {@code true}, e.g. the general procedure whose start form is the clue) implements: it registers the new case from
 * its start form, in the person's name, through the case register's own checks (an officer of a handling unit of his
 * agency, two officers with valid certificates). The boundary then binds the proceeding to that case exactly as it
 * binds one named by {@code caseRef}; a start of such a process cannot name an existing case.
 */
public interface CaseOpener {

    /** The process key whose starts this opener serves. */
    String processKey();

    /** Registers the case from the start variables of {@code execution}, started by {@code starter}. */
    CaseDetail open(DelegateExecution execution, String starter);
}
