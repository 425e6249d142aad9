package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.record.CaseRecord;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the reviewed record: from now on, and only now, the public endpoints show it. */
@Component("publishDisclosureDelegate")
class PublishDisclosureDelegate implements JavaDelegate {

    private final DisclosureStore store;
    private final CaseRecord caseRecord;

    PublishDisclosureDelegate(DisclosureStore store, CaseRecord caseRecord) {
        this.store = store;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DISCLOSURE_ID)).longValue();
        DisclosureStore.Row row = store.find(id).orElseThrow();
        OffsetDateTime now = Dates.now();
        store.publish(id, (String) execution.getVariable(REVIEWED_BY), now);
        execution.setVariable(DISCLOSURE_STATUS, "PUBLISHED");
        boolean onTime = row.dueAt() == null || !now.isAfter(row.dueAt());
        caseRecord.append(row.caseId(), "system", "DISCLOSURE_PUBLISHED", "公示信息已发布" + (onTime ? "（按期）"
                : "（逾期，应于" + Dates.chinese(row.dueAt().toInstant()) + "前公示）"),
                Map.of("disclosureId", id, "onTime", onTime, "text", row.text().asText()));
    }
}
