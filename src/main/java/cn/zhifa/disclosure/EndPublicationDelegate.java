package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.record.CaseRecord;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The publication term is over (the process's timer fired): the record leaves the public list and API
 * (市场监督管理行政处罚信息公示规定 第十三条 停止公示), and the case record says so.
 */
@Component("endPublicationDelegate")
class EndPublicationDelegate implements JavaDelegate {

    private final DisclosureStore store;
    private final CaseRecord caseRecord;

    EndPublicationDelegate(DisclosureStore store, CaseRecord caseRecord) {
        this.store = store;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DISCLOSURE_ID)).longValue();
        DisclosureStore.Row row = store.find(id).orElseThrow();
        OffsetDateTime now = Dates.now();
        if (store.end(id, now)) {
            execution.setVariable(DISCLOSURE_STATUS, "ENDED");
            caseRecord.append(row.caseId(), "system", "DISCLOSURE_TERM_ENDED", "公示期限届满（"
                    + Dates.chinese(row.text().publicUntil().toInstant()) + "），停止公示",
                    Map.of("disclosureId", id, "term", String.valueOf(execution.getVariable(PUBLICATION_TERM))));
        }
    }
}
