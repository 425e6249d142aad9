package cn.zhifa.documents;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who may read and add to a case's documents and attachments over HTTP: those who see the case (404 otherwise). */
@Component
class CaseAccess {

    private final CaseRegister cases;
    private final StaffDirectory staff;

    CaseAccess(CaseRegister cases, StaffDirectory staff) {
        this.cases = cases;
        this.staff = staff;
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
