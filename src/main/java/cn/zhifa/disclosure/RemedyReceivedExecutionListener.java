package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A remedy message arrived (DecisionRevoked, DecisionChanged): it takes the remedy that {@link Disclosures}
 * registered for the case (a bare message, without one, is refused: the reason and the date the remedy was received
 * must be known, and they are nobody's input). The date starts the withdrawal period; a change brings the changed
 * decision's document and date for the corrected record. Before publication the draft is abandoned instead.
 */
@Component("remedyReceivedExecutionListener")
class RemedyReceivedExecutionListener implements ExecutionListener {

    private final DisclosureStore store;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final DisclosureRefusals refusals;

    RemedyReceivedExecutionListener(DisclosureStore store, DeadlineService deadlines, CaseRecord caseRecord,
            DisclosureRefusals refusals) {
        this.store = store;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        DisclosureStore.PendingRemedy remedy = store.takeRemedy(caseId).orElseThrow(() -> refusals.refuse(caseId,
                null, "撤回公示信息", "REMEDY_NOT_REGISTERED",
                "撤销、变更等结果须经执行阶段登记（Disclosures），不能直接发送消息", Map.of()));
        long id = ((Number) execution.getVariable(DISCLOSURE_ID)).longValue();
        DisclosureStore.Row row = store.find(id).orElseThrow();
        String text = "执法决定" + remedy.kind().chineseName() + "：" + remedy.reason() + "（" + Dates.chinese(
                remedy.receivedAt().toInstant()) + "收到）";
        execution.setVariable(REMEDY_KIND, remedy.kind().name());
        execution.setVariable(REMEDY_TEXT, text);
        execution.setVariable(REMEDY_RECEIVED_AT, Date.from(remedy.receivedAt().toInstant()));
        if (remedy.kind() == Remedy.CHANGED) {
            execution.setVariable(DECISION_DOCUMENT_ID, remedy.changedDocumentId());
            execution.setVariable(DECIDED_AT, remedy.changedDecidedOn().toString());
        }
        if ("PUBLISHED".equals(row.status())) {
            store.remedyReceived(id, remedy.receivedAt());
            RunningDeadline period = deadlines.track(execution.getProcessInstanceId(),
                    Deadlines.caseKeyOf(execution), "DISCLOSURE_WITHDRAWAL", remedy.receivedAt().toInstant(),
                    TaskActors.agencyOf(execution));
            store.withdrawalDueAt(id, OffsetDateTime.ofInstant(period.dueAt(), EngineClock.ZONE));
        } else {
            store.abandon(id);
        }
        caseRecord.append(caseId, "system", "DISCLOSURE_REMEDY_RECEIVED", text + ("PUBLISHED".equals(row.status())
                ? "，应于期限内撤回公示信息" : "，尚未公示的草稿作废"),
                Map.of("remedy", remedy.kind().name(), "disclosureId", id, "status", row.status()));
    }
}
