package cn.zhifa.execution;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request for certified copies of an archived case file as stored and shown: {@code materials} empty means the
 * whole file, otherwise "DOCUMENT:<id>" and "ATTACHMENT:<id>"; {@code status} REQUESTED, APPROVED, REFUSED or ISSUED.
 */
record CopyRequest(long id, long caseId, CopyRequesterKind requesterKind, String requesterName,
        String requesterIdNumber, String reason, List<String> materials, String status, String requestedBy,
        OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String opinion,
        OffsetDateTime issuedAt) {

    boolean wholeFile() {
        return materials.isEmpty();
    }
}
