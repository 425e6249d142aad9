package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review period has run without an opinion: the case is registered as overdue; the reviewer keeps the task. */
@Component("markReviewOverdueDelegate")
class MarkReviewOverdueDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    MarkReviewOverdueDelegate(CaseRegister cases, CaseRecord caseRecord) {
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        cases.markOverdue(caseId, true);
        caseRecord.append(caseId, "system", "REVIEW_OVERDUE", "法制审核超过期限，已报机关负责人督办",
                Map.of("reviewer", String.valueOf(execution.getVariable(REVIEWER))));
    }
}
