package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.CaseHandOvers;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.penalty.PenaltyCaseVariables;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Outside the limits the officer is sent to the general procedure with what he recorded: the engine records the case
 * as handed over to {@code penalty-case} (boundary.CaseHandOvers, the only way that process takes an existing case)
 * and starts it in the officer's command, so it adopts this case as its clue, discovered on the day of the
 * on-the-spot procedure during an inspection, with the facts, the basis, the party's statement and the evidence
 * named. A clue the general procedure refuses (its dates) refuses the officer's hand-over, which stays open.
 */
@Component("handOverToGeneralProcedureDelegate")
class HandOverToGeneralProcedureDelegate implements JavaDelegate {

    private final CaseHandOvers handOvers;
    private final RuntimeService runtimeService;
    private final CaseRecord caseRecord;

    HandOverToGeneralProcedureDelegate(CaseHandOvers handOvers, RuntimeService runtimeService,
            CaseRecord caseRecord) {
        this.handOvers = handOvers;
        this.runtimeService = runtimeService;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        Date startedAt = (Date) execution.getVariable(EngineVariables.STARTED_AT);
        LocalDate discovered = LocalDate.ofInstant(startedAt.toInstant(), EngineClock.ZONE);
        Map<String, Object> data = new LinkedHashMap<>(OpenSimplePenaltyExecutionListener.recorded(execution));
        data.put("reason", execution.getVariable(LIMITS_REASON));
        data.put("handedOverTo", PenaltyCaseVariables.PROCESS_KEY);
        caseRecord.append(caseId, officer, "ON_THE_SPOT_HANDED_OVER", "超出当场处罚的限额，移交一般程序办理："
                + execution.getVariable(LIMITS_REASON), data);
        handOvers.handOver(execution, PenaltyCaseVariables.PROCESS_KEY);

        Map<String, Object> clue = new LinkedHashMap<>();
        clue.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        clue.put(PenaltyCaseVariables.CLUE_SOURCE, "INSPECTION");
        clue.put(PenaltyCaseVariables.CLUE_DISCOVERED_ON, discovered.toString());
        clue.put(PenaltyCaseVariables.ACT_DATE, OnTheSpotForm.text(execution, ACT_DATE));
        String actEnd = OnTheSpotForm.text(execution, ACT_END_DATE);
        if (actEnd != null) {
            clue.put(PenaltyCaseVariables.ACT_END_DATE, actEnd);
        }
        clue.put(PenaltyCaseVariables.HARMFUL, OnTheSpotForm.checked(execution, HARMFUL));
        clue.put(PenaltyCaseVariables.CLUE_FACTS, clueFacts(execution));
        String evidence = OnTheSpotForm.text(execution, EVIDENCE);
        if (evidence != null) {
            clue.put(PenaltyCaseVariables.CLUE_EVIDENCE, evidence);
        }
        runtimeService.startProcessInstanceByKey(PenaltyCaseVariables.PROCESS_KEY, clue);
    }

    /** What the officer recorded on the spot, as the general procedure's clue reads it. */
    private static String clueFacts(DelegateExecution execution) {
        String statement = "WAIVED".equals(execution.getVariable(STATEMENT_MODE)) ? "当事人放弃陈述、申辩"
                : "当事人陈述、申辩：" + OnTheSpotForm.text(execution, PARTY_STATEMENT);
        return OnTheSpotForm.text(execution, FACTS) + "\n处罚依据：" + OnTheSpotForm.text(execution, LEGAL_BASIS)
                + "\n地点：" + OnTheSpotForm.text(execution, PLACE) + "\n" + statement
                + "\n当场处罚时执法人员出示执法证件" + execution.getVariable(CERTIFICATE_NO) + "，拟处罚超出简易程序限额："
                + execution.getVariable(LIMITS_REASON);
    }
}
