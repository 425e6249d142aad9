package cn.zhifa.review;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim and on completion of intake and review: the reviewer belongs to the legal-affairs unit of the case's
 * agency, holds a legal
 * qualification (行政处罚法 第五十八条), and has neither investigated nor handled nor submitted this case
 * (办审分离).
 */
@Component("legalReviewerTaskListener")
class LegalReviewerTaskListener implements TaskListener {

    private final StaffDirectory staff;
    private final CaseRegister cases;
    private final ReviewRefusals refusals;

    LegalReviewerTaskListener(StaffDirectory staff, CaseRegister cases, ReviewRefusals refusals) {
        this.staff = staff;
        this.cases = cases;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = TaskActors.actorOf(task);
        if (reviewer == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // unclaiming is always allowed
            }
            throw refusals.refuse(task, null, "REVIEWER_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        long caseId = TaskActors.caseIdOf(task);
        String agency = TaskActors.agencyOf(task);
        if (!staff.isInLegalUnitOf(agency, reviewer)) {
            throw refusals.refuse(task, reviewer, "REVIEWER_NOT_IN_LEGAL_UNIT",
                    "法制审核须由本案所属机关法制审核机构的人员办理，" + staff.displayName(reviewer) + "不属于该机构");
        }
        if (!staff.hasLegalQualification(reviewer)) {
            throw refusals.refuse(task, reviewer, "REVIEWER_NOT_QUALIFIED",
                    staff.displayName(reviewer) + "未取得法律职业资格，不能从事行政处罚决定法制审核（行政处罚法第五十八条）");
        }
        if (cases.isOfficerOnCase(caseId, reviewer)
                || reviewer.equals(task.getVariable(LegalReviewVariables.SUBMITTED_BY))) {
            throw refusals.refuse(task, reviewer, "REVIEWER_HANDLED_CASE",
                    staff.displayName(reviewer) + "参与了本案的调查或办理，不能担任本案的法制审核人员");
        }
    }
}
