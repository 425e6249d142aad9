package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The document is served: the date of service and the method go to the caller ({@code serviceDate},
 * {@code serviceMethod}), the case's list of served documents and the case record.
 */
@Component
class ServiceCompletion {

    private final ServiceStore store;
    private final CaseRecord caseRecord;

    ServiceCompletion(ServiceStore store, CaseRecord caseRecord) {
        this.store = store;
        this.caseRecord = caseRecord;
    }

    void served(DelegateExecution execution, ServiceMethod method, LocalDate day, String servedBy, String how) {
        execution.setVariable(SERVICE_DATE, startOf(day));
        execution.setVariable(SERVICE_METHOD, method.name());
        execution.setVariable(SERVED_BY, servedBy);
        long serviceId = ((Number) execution.getVariable(SERVICE_RECORD_ID)).longValue();
        store.served(serviceId, method, day, OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceId", serviceId);
        data.put("documentId", execution.getVariable(SERVICE_DOCUMENT_ID));
        data.put("serviceMethod", method.name());
        data.put("serviceDate", day.toString());
        data.put("processInstanceId", execution.getProcessInstanceId());
        caseRecord.append(TaskActors.caseIdOf(execution), servedBy, "SERVICE_COMPLETED",
                execution.getVariable(SERVICE_DOCUMENT_NAME) + "已送达" + execution.getVariable(RECIPIENT_NAME) + "："
                        + method.chineseName() + "，送达日期" + day + (how == null ? "" : "（" + how + "）"),
                data);
    }

    /** A date as a process variable: the start of that day in Asia/Shanghai (R1: counting starts the next day). */
    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
    }
}
