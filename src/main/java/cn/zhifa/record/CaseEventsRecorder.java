package cn.zhifa.record;

import cn.zhifa.casefile.ArchivedCaseChangeRefused;
import cn.zhifa.casefile.CaseArchivedException;
import cn.zhifa.casefile.CaseFlagChanged;
import cn.zhifa.casefile.CaseNumbered;
import cn.zhifa.casefile.CaseRegistered;
import cn.zhifa.casefile.CaseStageChanged;
import cn.zhifa.casefile.OfficerAdded;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends the case register's facts to the case record, in the transaction that changed the case; a refused change
 * to an archived case once its transaction has rolled back.
 */
@Component
class CaseEventsRecorder {

    private final CaseRecord record;

    CaseEventsRecorder(CaseRecord record) {
        this.record = record;
    }

    @EventListener
    void on(CaseRegistered event) {
        record.append(event.caseId(), event.actor(), "CASE_REGISTERED",
                "登记案件：" + event.request().title().strip(), event.request());
    }

    @EventListener
    void on(CaseNumbered event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseNo", event.caseNo());
        data.put("agencyId", event.agencyId());
        data.put("year", event.year());
        data.put("seq", event.seq());
        record.append(event.caseId(), "system", "CASE_NUMBERED", "案件编号：" + event.caseNo(), data);
    }

    @EventListener
    void on(CaseStageChanged event) {
        record.append(event.caseId(), event.actor(), "STAGE_CHANGED",
                "办理阶段由“" + event.from().chineseName() + "”变更为“" + event.to().chineseName() + "”",
                Map.of("from", event.from().name(), "to", event.to().name()));
    }

    @EventListener
    void on(CaseFlagChanged event) {
        String summary = switch (event.flag()) {
            case OVERDUE -> event.value() ? "案件已超期" : "案件超期标记解除";
            case SUBMITTED_FOR_REVIEW -> event.value() ? "案件已提交法制审核" : "案件撤回法制审核";
        };
        record.append(event.caseId(), "system", event.flag() == CaseFlagChanged.Flag.OVERDUE ? "CASE_OVERDUE_FLAG"
                : "CASE_SUBMITTED_FOR_REVIEW", summary, Map.of("flag", event.flag().name(), "value", event.value()));
    }

    @EventListener
    void on(OfficerAdded event) {
        record.append(event.caseId(), "system", "OFFICER_ADDED",
                "办案人员变更：" + event.userId() + "（" + event.role().chineseName() + "）",
                Map.of("userId", event.userId(), "role", event.role().name()));
    }

    @EventListener
    void on(ArchivedCaseChangeRefused event) {
        record.appendAfterRollback(event.caseId(), event.actor() == null ? "system" : event.actor(), "REFUSAL",
                event.message(), Map.of("code", CaseArchivedException.CODE, "change", event.change()));
    }
}
