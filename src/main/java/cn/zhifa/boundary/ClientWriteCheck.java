package cn.zhifa.boundary;

import cn.zhifa.casefile.CaseRegister;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks what a client wrote in its phase of a command against the form it filled in: the start form when a process
 * starts, the task's form when a task is completed. A name outside the form is refused, as is any transient variable
 * (it would be seen by listeners without ever being written, so the guard could not see it).
 */
@Component
class ClientWriteCheck {

    private final FormFields forms;
    private final ProcessRules rules;
    private final BoundaryRefusals refusals;
    private final Proceedings proceedings;
    private final ObjectProvider<CaseRegister> cases;

    ClientWriteCheck(FormFields forms, ProcessRules rules, BoundaryRefusals refusals, Proceedings proceedings,
            ObjectProvider<CaseRegister> cases) {
        this.forms = forms;
        this.rules = rules;
        this.refusals = refusals;
        this.proceedings = proceedings;
        this.cases = cases;
    }

    /**
     * Refuses the first engine-owned variable the client wrote, naming the case: the proceeding's, else (a start) the
     * case the person referred to, else the existing case a crafted case id points at.
     */
    void refuseViolation(ClientPhase phase, VariableScope scope) {
        ClientPhase.Write write = phase.violation();
        if (write == null) {
            return;
        }
        throw refusals.refuse(caseNamed(write, scope), phase.userId, HttpStatus.UNPROCESSABLE_ENTITY,
                "ENGINE_OWNED_VARIABLE", "“" + write.name() + "”由系统根据案件和办理情况自动设定，不能由用户提交或修改",
                Map.of("variable", write.name(), "value", String.valueOf(write.value())));
    }

    private Long caseNamed(ClientPhase.Write write, VariableScope scope) {
        if (write.processInstanceId() != null) {
            var proceeding = proceedings.of(write.processInstanceId());
            if (proceeding.isPresent()) {
                return proceeding.get().caseId();
            }
        }
        Object reference = scope == null ? null : scope.getVariable(EngineVariables.CASE_REFERENCE);
        if (reference != null) {
            var referred = cases.getObject().findByReference(reference.toString());
            if (referred.isPresent()) {
                return referred.get().id();
            }
        }
        if (EngineVariables.CASE_ID.equals(write.name()) && write.value() != null
                && write.value().matches("\\d{1,18}") && cases.getObject().exists(Long.parseLong(write.value()))) {
            return Long.parseLong(write.value());
        }
        return null;
    }

    void checkStart(VariableScope instance, String processInstanceId, String startForm) {
        check(instance, processInstanceId, startForm, null, "发起流程");
    }

    void checkCompletion(DelegateTask task) {
        String form = rules.of(ProcessKeys.of(task)).flatMap(rule -> rule.formOfTask(task.getTaskDefinitionKey()))
                .orElse(null);
        Long caseId = proceedings.of(task.getProcessInstanceId()).map(Proceedings.Proceeding::caseId).orElse(null);
        check(task, task.getProcessInstanceId(), form, caseId, task.getName());
    }

    /** At the end of a command nobody checked: only an administrator may write variables outside a form. */
    void refuseUncheckedWrites(ClientPhase phase) {
        refuseViolation(phase, null);
        List<ClientPhase.Write> unchecked = phase.unchecked();
        refuseIfArchived(phase, unchecked);
        if (!phase.admin && !unchecked.isEmpty()) {
            ClientPhase.Write write = unchecked.get(0);
            Long caseId = proceedings.of(write.processInstanceId()).map(Proceedings.Proceeding::caseId).orElse(null);
            throw refusals.refuse(caseId, phase.userId, HttpStatus.FORBIDDEN, "VARIABLE_NOT_IN_FORM",
                    "只能通过办理任务的表单填写内容，不能直接设置流程变量“" + write.name() + "”",
                    Map.of("variable", write.name()));
        }
    }

    /**
     * Whatever the path and the person (administrators too): a process variable of an archived case stays as it is.
     * Asked once per process instance written to, naming its first variable: a form writes a dozen at once.
     */
    private void refuseIfArchived(ClientPhase phase, List<ClientPhase.Write> writes) {
        Set<String> asked = new HashSet<>();
        for (ClientPhase.Write write : writes) {
            if (write.processInstanceId() != null && asked.add(write.processInstanceId())) {
                proceedings.of(write.processInstanceId()).ifPresent(proceeding -> cases.getObject()
                        .refuseIfArchived(proceeding.caseId(), phase.userId, "修改流程变量“" + write.name() + "”"));
            }
        }
    }

    private void check(VariableScope scope, String processInstanceId, String formId, Long caseId, String step) {
        ClientPhase phase = ClientPhase.current();
        if (phase == null) {
            return;
        }
        phase.stopCollecting();
        refuseViolation(phase, scope);
        List<ClientPhase.Write> written = phase.takeWritesOf(processInstanceId);
        refuseIfArchived(phase, written);
        var variables = scope.getVariablesTyped(false);
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            if (value != null && value.isTransient()) {
                throw refusals.refuse(caseId, phase.userId, HttpStatus.UNPROCESSABLE_ENTITY, "TRANSIENT_VARIABLE",
                        step + "：不接受临时变量", Map.of());
            }
        }
        if (phase.admin && formId == null) {
            return;
        }
        Set<String> allowed = formId == null ? Set.of() : forms.writable(formId);
        for (ClientPhase.Write write : written) {
            if (!allowed.contains(write.name())) {
                throw refusals.refuse(caseId, phase.userId, HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM",
                        step + "：表单中没有“" + write.name() + "”一项，不能提交",
                        Map.of("variable", write.name(), "form", String.valueOf(formId)));
            }
        }
    }
}
