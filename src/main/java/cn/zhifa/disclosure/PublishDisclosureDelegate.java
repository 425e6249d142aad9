package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the reviewed record: from now on, and only now, the public endpoints show it. Its publication term
 * (第十三条: the short one for 通报批评 or a 较低数额 fine alone, else the standard one) starts today; the process's
 * timers end the publication when it is over.
 */
@Component("publishDisclosureDelegate")
class PublishDisclosureDelegate implements JavaDelegate {

    private final DisclosureStore store;
    private final CaseRecord caseRecord;
    private final PublicationTerms terms;
    private final DeadlineService deadlines;

    PublishDisclosureDelegate(DisclosureStore store, CaseRecord caseRecord, PublicationTerms terms,
            DeadlineService deadlines) {
        this.store = store;
        this.caseRecord = caseRecord;
        this.terms = terms;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DISCLOSURE_ID)).longValue();
        DisclosureStore.Row row = store.find(id).orElseThrow();
        // the term's clock starts at this instant: millisecond precision, as the deadline service keeps it
        OffsetDateTime now = Dates.now().truncatedTo(ChronoUnit.MILLIS);
        PublicationTerm term = terms.of(row.agencyId(), row.kind(), row.text().penalty());
        RunningDeadline until = deadlines.track(execution.getProcessInstanceId(), Deadlines.caseKeyOf(execution),
                term.entry(), now.toInstant(), row.agencyId());
        OffsetDateTime publicUntil = OffsetDateTime.ofInstant(until.dueAt(), EngineClock.ZONE);
        store.publish(id, (String) execution.getVariable(REVIEWED_BY), now, term.entry(), publicUntil);
        execution.setVariable(DISCLOSURE_STATUS, "PUBLISHED");
        execution.setVariable(PUBLISHED_AT, Date.from(now.toInstant()));
        execution.setVariable(PUBLICATION_TERM, term.entry());
        boolean onTime = row.dueAt() == null || !now.isAfter(row.dueAt());
        caseRecord.append(row.caseId(), "system", "DISCLOSURE_PUBLISHED", "公示信息已发布" + (onTime ? "（按期）"
                : "（逾期，应于" + Dates.chinese(row.dueAt().toInstant()) + "前公示）") + "，公示至"
                + Dates.chinese(until.dueAt()) + "（" + term.reason() + "）",
                Map.of("disclosureId", id, "onTime", onTime, "text", row.text().asText(), "term", term.entry(),
                        "publicUntil", until.dueAt().toString(), "fullText", row.text().fullText() != null));
    }
}
