package cn.zhifa.boundary;

import static cn.zhifa.boundary.EngineVariables.*;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.Units;
import cn.zhifa.system.EngineClock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Added by the engine to the start and end of every process: on start it decides the case (from the calling
 * proceeding, from trusted code, or from the case reference the person typed), checks that the person belongs to the
 * case's agency and that no proceeding of this kind already runs for the case, records the proceeding, and sets the
 * engine-owned variables. On end the proceeding stops running.
 */
@Component
class ProceedingListener implements ExecutionListener {

    private final Proceedings proceedings;
    private final ProcessRules rules;
    private final ClientWriteCheck writes;
    private final BoundaryRefusals refusals;
    private final ObjectProvider<CaseRegister> cases;
    private final ObjectProvider<StaffDirectory> staff;
    private final ObjectProvider<CaseOpener> openers;
    private final CaseHandOvers handOvers;

    ProceedingListener(Proceedings proceedings, ProcessRules rules, ClientWriteCheck writes,
            BoundaryRefusals refusals, ObjectProvider<CaseRegister> cases, ObjectProvider<StaffDirectory> staff,
            ObjectProvider<CaseOpener> openers, CaseHandOvers handOvers) {
        this.proceedings = proceedings;
        this.rules = rules;
        this.writes = writes;
        this.refusals = refusals;
        this.cases = cases;
        this.staff = staff;
        this.openers = openers;
        this.handOvers = handOvers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_END.equals(execution.getEventName())) {
            proceedings.close(execution.getProcessInstanceId());
            return;
        }
        String processKey = ProcessKeys.of(execution);
        Optional<ProcessRules.Rule> rule = rules.of(processKey);
        writes.checkStart(execution, execution.getProcessInstanceId(), rule.map(ProcessRules.Rule::startForm).orElse(null));
        // the person logged in is the one whose command opened the client phase
        ClientPhase phase = ClientPhase.current();
        String starter = phase == null ? null : phase.userId;
        CaseDetail detail = caseOf(execution, starter, rule.map(ProcessRules.Rule::opensCase).orElse(false));
        cases.getObject().refuseIfArchived(detail.id(), starter, "启动「" + ProcessKeys.nameOf(execution) + "」");
        if (starter != null && !phase.admin
                && !staff.getObject().agencyOf(starter).map(detail.agencyId()::equals).orElse(false)) {
            throw refusals.refuse(detail.id(), starter, HttpStatus.FORBIDDEN, "CASE_OF_OTHER_AGENCY",
                    "本案属于" + detail.agencyName() + "，" + staff.getObject().displayName(starter) + "不能为本案启动程序",
                    Map.of("process", processKey));
        }
        if (starter == null && execution.getSuperExecution() != null) {
            starter = proceedings.of(execution.getSuperExecution().getProcessInstanceId())
                    .map(Proceedings.Proceeding::startedBy).orElse(null);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE);
        open(execution, processKey, rule.map(ProcessRules.Rule::onePerCase).orElse(true), detail, starter, now);
        StaffDirectory directory = staff.getObject();
        execution.setVariable(CASE_ID, detail.id());
        execution.setVariable(AGENCY_ID, detail.agencyId());
        execution.setVariable(HANDLING_UNIT, detail.handlingUnitId());
        execution.setVariable(LEGAL_UNIT, first(directory.unitsOfKind(detail.agencyId(), Units.KIND_LEGAL)));
        execution.setVariable(LEADERSHIP_UNIT,
                first(directory.unitsOfKind(detail.agencyId(), Units.KIND_LEADERSHIP)));
        execution.setVariable(STARTED_BY, starter);
        execution.setVariable(STARTED_AT, Date.from(now.toInstant()));
        // what people read in Tasklist and Cockpit; BusinessKeyFollower changes it when the case is numbered
        execution.setProcessBusinessKey(detail.reference());
    }

    private void open(DelegateExecution execution, String processKey, boolean onePerCase, CaseDetail detail,
            String starter, OffsetDateTime now) {
        Proceedings.Proceeding proceeding = new Proceedings.Proceeding(execution.getProcessInstanceId(), detail.id(),
                processKey, detail.agencyId(), detail.handlingUnitId(), starter, now);
        if (onePerCase) {
            Optional<String> running = proceedings.runningInstance(detail.id(), processKey);
            if (running.isPresent() && !isStillRunning(running.get())) {
                // a process instance deleted without its end listeners (skipCustomListeners) must not block the case
                proceedings.close(running.get());
            } else if (running.isPresent()) {
                throw alreadyRunning(detail, starter, execution, running.get());
            }
        }
        try {
            proceedings.open(proceeding, onePerCase);
        } catch (DuplicateKeyException raced) {
            throw alreadyRunning(detail, starter, execution, "?");
        }
    }

    private BoundaryRefusedException alreadyRunning(CaseDetail detail, String starter, DelegateExecution execution,
            String runningInstance) {
        String name = ProcessKeys.nameOf(execution);
        return refusals.refuse(detail.id(), starter, HttpStatus.CONFLICT, "PROCEEDING_ALREADY_RUNNING",
                "本案已有正在进行的「" + name + "」，同一案件不能同时进行两次",
                Map.of("processInstanceId", runningInstance));
    }

    /** Whatever the person may see: the engine's own lookup, without an authorization check. */
    private static boolean isStillRunning(String processInstanceId) {
        return Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId) != null;
    }

    /**
     * A called process takes its caller's case; trusted code (no person logged in) may name it by id; a process that
     * opens its case registers a new one from its start form (or adopts one handed over to it); otherwise
     * a person names it by its case reference, the variable caseId being refused from clients by
     * {@link ClientWriteGuard}.
     */
    private CaseDetail caseOf(DelegateExecution execution, String starter, boolean opensCase) {
        if (execution.getSuperExecution() != null) {
            long caseId = proceedings.caseOf(execution.getSuperExecution().getProcessInstanceId());
            return cases.getObject().find(caseId).orElseThrow();
        }
        Object caseId = execution.getVariable(CASE_ID);
        if (caseId instanceof Number id && starter == null) {
            return cases.getObject().find(id.longValue()).orElseThrow(() -> caseNotFound(String.valueOf(id)));
        }
        Object reference = execution.getVariable(CASE_REFERENCE);
        if (opensCase) {
            return openCase(execution, starter, reference);
        }
        if (reference == null || reference.toString().isBlank()) {
            throw new BoundaryRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "CASE_REFERENCE_REQUIRED",
                    "请填写案件编号（未立案的填写登记号）");
        }
        return cases.getObject().findByReference(reference.toString())
                .orElseThrow(() -> caseNotFound(reference.toString()));
    }

    /**
     * The new case a person's start registers; what he typed as a case reference would bind another case, unless the
     * engine recorded that case as handed over to this process and not yet adopted (then it is adopted, once).
     */
    private CaseDetail openCase(DelegateExecution execution, String starter, Object reference) {
        String processKey = ProcessKeys.of(execution);
        if (starter == null) {
            throw referenceNotAllowed(execution);
        }
        CaseOpener opener = openers.orderedStream().filter(o -> o.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("process " + processKey
                        + " declares " + OPENS_CASE_PROPERTY + " but no CaseOpener serves it"));
        if (reference == null) {
            return opener.open(execution, starter);
        }
        // the same refusal whether the case does not exist or was not handed over: a guess learns nothing
        CaseDetail handedOver = cases.getObject().findByReference(reference.toString())
                .filter(c -> handOvers.adopt(c.id(), processKey, execution.getProcessInstanceId()))
                .orElseThrow(() -> referenceNotAllowed(execution));
        return opener.adopt(execution, starter, handedOver);
    }

    private static BoundaryRefusedException referenceNotAllowed(DelegateExecution execution) {
        return new BoundaryRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "CASE_REFERENCE_NOT_ALLOWED",
                "「" + ProcessKeys.nameOf(execution) + "」登记新的案件，不能指定已有的案件（只接收其他程序依法移交的案件）");
    }

    private static BoundaryRefusedException caseNotFound(String reference) {
        return new BoundaryRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "CASE_NOT_FOUND",
                "没有编号或登记号为“" + reference + "”的案件，请先登记案件");
    }

    private static String first(List<String> units) {
        return units.isEmpty() ? null : units.get(0);
    }
}
