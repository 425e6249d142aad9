package cn.zhifa.documents;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.ZhifaException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read and add to a case's documents and attachments over HTTP: those who see the case (404 otherwise); the
 * reading of an archived case is recorded.
 */
@Component
class CaseAccess {

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final CaseRecord record;

    CaseAccess(CaseRegister cases, StaffDirectory staff, CaseRecord record) {
        this.cases = cases;
        this.staff = staff;
        this.record = record;
    }

    /** Reading an archived case file is recorded (执法全过程记录信息调阅制度, seeds 003 L97): who read what, when. */
    void recordReading(long caseId, String userId, String what, String sha256) {
        if (cases.isArchived(caseId)) {
            record.append(caseId, userId, "ARCHIVED_CASE_READ", "查阅已归档案卷：" + what, Map.of("sha256", sha256));
        }
    }

    void requireVisible(long caseId, String userId) {
        if (!cases.isVisibleTo(caseId, userId)) {
            throw DocumentService.notFound(caseId);
        }
    }

    void requireVisibleAndOneOf(long caseId, String userId, Set<String> roles, String chineseRefusal) {
        requireVisible(caseId, userId);
        if (staff.groupsOf(userId).stream().noneMatch(roles::contains)) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", chineseRefusal);
        }
    }
}
