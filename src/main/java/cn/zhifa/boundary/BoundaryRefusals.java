package cn.zhifa.boundary;

import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refusing a client's request at the boundary: an entry in the case record once the refused
 * transaction has rolled back (where a case is named), and the exception with the Chinese message.
 */
@Component
class BoundaryRefusals {

    private static final Logger log = LoggerFactory.getLogger(BoundaryRefusals.class);

    private final ObjectProvider<CaseRecord> caseRecord;

    BoundaryRefusals(ObjectProvider<CaseRecord> caseRecord) {
        this.caseRecord = caseRecord;
    }

    BoundaryRefusedException refuse(Long caseId, String actor, HttpStatus status, String code, String message,
            Map<String, Object> data) {
        // the one WARN line is written by whoever answers the call (cn.zhifa.system.RefusalLog)
        log.info("Refused {} by {} on case {}: {}", code, actor, caseId, data);
        if (caseId != null) {
            Map<String, Object> recorded = new LinkedHashMap<>(data);
            recorded.put("code", code);
            String who = actor == null ? "system" : actor;
            caseRecord.getObject().appendAfterRollback(caseId, who, "REFUSAL", message,
                    recorded);
        }
        return new BoundaryRefusedException(status, code, message);
    }
}
