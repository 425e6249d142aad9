package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.ExtensionApproval;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 查封、扣押 (行政强制法 第二十四条、第二十五条、第二十八条): the decision with its period, the extension a head approved
 * with its notice to the party, and the release, decided or because the period ran out without a decision. Each
 * document is made in the name of the officer who asked for the measure, and each step goes to the case record.
 */
@Component("seizureDelegate")
class SeizureDelegate implements JavaDelegate {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final DeadlineService deadlines;
    private final Deadlines periods;
    private final DocumentService documents;
    private final CaseSteps steps;

    SeizureDelegate(DeadlineService deadlines, Deadlines periods, DocumentService documents, CaseSteps steps) {
        this.deadlines = deadlines;
        this.periods = periods;
        this.documents = documents;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        switch (execution.getCurrentActivityId()) {
            case "Task_GenerateSeizureDecision" -> decide(execution);
            case "Task_ExtendSeizure" -> extend(execution);
            case "Task_ReleaseExpiredSeizure" -> release(execution, true);
            default -> release(execution, false);
        }
    }

    private void decide(DelegateExecution execution) {
        Instant from = ((Date) execution.getVariable(SEIZED_AT)).toInstant();
        Instant due = periods.dueAt(execution, SEIZURE_PERIOD).toInstant();
        Map<String, Object> data = items(execution);
        data.put("seizureBasis", execution.getVariable(SEIZURE_BASIS));
        data.put("seizurePeriod", "自" + day(from) + "起至" + day(due) + "止");
        long id = generate(execution, DocumentType.SEIZURE_DECISION, data);
        execution.setVariable(SEIZURE_DOCUMENT_ID, id);
        steps.record(execution, (String) execution.getVariable(SEIZURE_APPROVED_BY), "SEIZURE_ORDERED",
                "作出查封、扣押决定，期限至 " + day(due) + "：" + execution.getVariable(SEIZURE_ITEMS),
                Map.of("seizureDocumentId", id, "dueAt", due.toString()));
    }

    private void extend(DelegateExecution execution) {
        String head = (String) execution.getVariable(SEIZURE_EXTENSION_DECIDED_BY);
        RunningDeadline extended = deadlines.extend(execution.getProcessInstanceId(), SEIZURE_PERIOD,
                new ExtensionApproval(head, (String) execution.getVariable(SEIZURE_EXTENSION_REASON),
                        ((Date) execution.getVariable(SEIZURE_EXTENSION_REQUESTED_AT)).toInstant(),
                        ((Date) execution.getVariable(SEIZURE_EXTENSION_APPROVED_AT)).toInstant()));
        Map<String, Object> data = items(execution);
        data.put("extensionReason", execution.getVariable(SEIZURE_EXTENSION_REASON));
        data.put("seizurePeriod", day(extended.dueAt()));
        long id = generate(execution, DocumentType.SEIZURE_EXTENSION_NOTICE, data);
        execution.setVariable(SEIZURE_EXTENSION_NOTICE_ID, id);
        steps.record(execution, head, "DEADLINE_EXTENDED", "机关负责人批准延长" + deadlines.catalogue()
                .entry(SEIZURE_PERIOD).name() + "至 " + day(extended.dueAt()) + "，制作延长查封、扣押期限通知书",
                Map.of("entry", SEIZURE_PERIOD, "newDueAt", extended.dueAt().toString(), "noticeDocumentId", id));
    }

    private void release(DelegateExecution execution, boolean expired) {
        String reason = expired
                ? "查封、扣押期限已于" + deadlines.find(execution.getProcessInstanceId(), SEIZURE_PERIOD)
                        .map(d -> day(d.dueAt())).orElse("？") + "届满，本机关未作出处理决定。"
                : "经查，" + execution.getVariable(SEIZURE_OUTCOME_NOTE) + "。";
        Map<String, Object> data = items(execution);
        data.put("releaseReason", reason);
        long id = generate(execution, DocumentType.SEIZURE_RELEASE, data);
        execution.setVariable(SEIZURE_RELEASE_DOCUMENT_ID, id);
        steps.record(execution, null, "SEIZURE_RELEASED", (expired ? "查封、扣押期限届满未作出处理决定，查封、扣押解除："
                : "解除查封、扣押：") + execution.getVariable(SEIZURE_ITEMS),
                Map.of("seizureReleaseDocumentId", id, "expired", expired));
    }

    private static Map<String, Object> items(DelegateExecution execution) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seizureItems", execution.getVariable(SEIZURE_ITEMS));
        return data;
    }

    private long generate(DelegateExecution execution, DocumentType type, Map<String, Object> data) {
        return documents.generate(TaskActors.caseIdOf(execution), type, data,
                (String) execution.getVariable(SEIZURE_REQUESTED_BY)).id();
    }

    private static String day(Instant instant) {
        return DATE.format(instant.atZone(EngineClock.ZONE));
    }
}
