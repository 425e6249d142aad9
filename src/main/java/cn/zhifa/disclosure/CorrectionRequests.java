package cn.zhifa.disclosure;

import cn.zhifa.record.CaseRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A correction request from anyone (seed 003: 有证据证明公开的行政执法公示信息不准确的，有权要求更正) becomes a task of the
 * handling unit in the case's running disclosure. Only a published record can be the subject; one address may file
 * {@value #PER_DAY} requests a day, so the form cannot flood the agency's task list.
 */
@Component
class CorrectionRequests {

    static final int PER_DAY = 5;

    private final DisclosureStore store;
    private final RuntimeService runtimeService;
    private final CaseRecord caseRecord;

    CorrectionRequests(DisclosureStore store, RuntimeService runtimeService, CaseRecord caseRecord) {
        this.store = store;
        this.runtimeService = runtimeService;
        this.caseRecord = caseRecord;
    }

    @Transactional
    long request(long recordId, String reason, String evidence, String contact, String clientAddress) {
        DisclosureStore.Row row = store.find(recordId).filter(r -> "PUBLISHED".equals(r.status()))
                .orElseThrow(PublicDisclosureController::notFound);
        String requester = digest(clientAddress);
        OffsetDateTime now = Dates.now();
        if (store.correctionsSince(requester, now.minusDays(1)) >= PER_DAY) {
            throw new DisclosureRefusedException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_CORRECTION_REQUESTS",
                    "提交更正申请过于频繁，请明天再试或与公示机关联系");
        }
        long id = store.insertCorrection(recordId, row.caseId(), reason, evidence, contact, requester, now);
        caseRecord.append(row.caseId(), "public", "CORRECTION_REQUESTED", "收到公示信息更正申请：" + reason,
                Map.of("correctionId", id, "disclosureId", recordId));
        runtimeService.createMessageCorrelation(DisclosureVariables.CORRECTION_MESSAGE)
                .processInstanceId(row.processInstanceId()).correlateWithResult();
        return id;
    }

    private static String digest(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("disclosure-correction:" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
