package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Server-side check of every legal-review form on completion (Camunda Forms validate only in the browser, and the
 * REST API skips them), plus the few facts a completion establishes: who accepted, who asked for an extension.
 */
@Component("reviewFormTaskListener")
class ReviewFormTaskListener implements TaskListener {

    private final ReviewRefusals refusals;
    private final StaffDirectory staff;

    ReviewFormTaskListener(ReviewRefusals refusals, StaffDirectory staff) {
        this.refusals = refusals;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewIntake" -> intake(task, actor);
            case "Task_SupplementMaterials" -> {
                requireSubmission(task, actor);
                require(task, actor, SUPPLEMENT_NOTE, "补正说明");
            }
            case "Task_ReviseSubmission" -> revise(task, actor);
            case "Task_ReviewOpinion" -> opinion(task, actor);
            case "Task_ApproveReviewExtension" -> {
                String decision = choice(task, actor, EXTENSION_DECISION, "审批意见", "APPROVE", "REFUSE");
                if (decision.equals("REFUSE")) {
                    require(task, actor, EXTENSION_DECISION_NOTE, "不同意延期的说明");
                }
                task.setVariable("extensionDecidedBy", actor);
                task.removeVariable(REVIEW_ACTION); // the reviewer chooses afresh when the opinion task comes back
            }
            case "Task_RespondToFindings" -> {
                if (choice(task, actor, FINDINGS_RESPONSE, "处理方式", "REVISE", "DISAGREE").equals("DISAGREE")) {
                    require(task, actor, DISAGREEMENT_REASONS, "异议理由");
                }
            }
            case "Task_CoordinateDispute" -> {
                choice(task, actor, COORDINATION_OUTCOME, "协调结论", "FOLLOW_REVIEW", "KEEP_UNIT_VIEW");
                require(task, actor, COORDINATION_REASONS, "协调意见及理由");
                task.setVariable("coordinatedBy", actor);
            }
            case "Task_AcknowledgeReviewOverdue" -> require(task, actor, OVERDUE_INSTRUCTION, "督办意见");
            default -> throw new IllegalStateException("no form rules for " + task.getTaskDefinitionKey());
        }
    }

    private void intake(DelegateTask task, String actor) {
        switch (choice(task, actor, INTAKE_OUTCOME, "审查结论", "ACCEPT", "SUPPLEMENT", "RETURN")) {
            case "ACCEPT" -> {
                task.setVariable(REVIEWER, actor);
                task.setVariable(REVIEWER_NAME, staff.displayName(actor));
            }
            case "RETURN" -> require(task, actor, RETURN_REASONS, "退回理由");
            default -> {
                require(task, actor, SUPPLEMENT_ITEMS, "需补正的材料");
                LocalDate due = date(task, actor, SUPPLEMENT_DUE_DATE, "补正期限");
                if (due.isBefore(EngineClock.today())) {
                    throw refusals.refuse(task, actor, "SUPPLEMENT_DATE_PAST", "补正期限不能早于今天");
                }
                task.setVariable(SUPPLEMENT_DUE_AT,
                        Date.from(due.atTime(LocalTime.of(23, 59, 59)).atZone(EngineClock.ZONE).toInstant()));
            }
        }
    }

    private void revise(DelegateTask task, String actor) {
        if (choice(task, actor, RESUBMIT_ACTION, "处理方式", "RESUBMIT", "WITHDRAW").equals("WITHDRAW")) {
            require(task, actor, WITHDRAW_REASON, "撤回理由");
            return;
        }
        requireSubmission(task, actor);
        Object round = task.getVariable(SUBMISSION_ROUND);
        task.setVariable(SUBMISSION_ROUND, (round instanceof Number n ? n.intValue() : 1) + 1);
    }

    private void opinion(DelegateTask task, String actor) {
        if (choice(task, actor, REVIEW_ACTION, "办理方式", "SUBMIT_OPINION", "REQUEST_EXTENSION")
                .equals("REQUEST_EXTENSION")) {
            if (task.getVariable(EXTENSION_REQUESTED_BY) != null) {
                throw refusals.refuse(task, actor, "EXTENSION_ALREADY_REQUESTED", "法制审核期限只能申请延长一次，本次审核已申请过延期");
            }
            require(task, actor, EXTENSION_REASON, "申请延期的理由");
            task.setVariable(EXTENSION_REQUESTED_BY, actor);
            task.setVariable(EXTENSION_REQUESTED_BY_NAME, staff.displayName(actor));
            return;
        }
        boolean anyProblem = false;
        for (ReviewPoint point : ReviewPoint.values()) {
            anyProblem |= choice(task, actor, point.variable(), point.question(), "OK", "PROBLEM").equals("PROBLEM");
        }
        String outcome = choice(task, actor, OPINION_OUTCOME, "审核结论", "AGREE", "PROBLEM", "TRANSFER");
        require(task, actor, OPINION_TEXT, "审核意见");
        if (outcome.equals("AGREE") && anyProblem) {
            throw refusals.refuse(task, actor, "OPINION_INCONSISTENT", "审核要点中存在问题的，不能出具“同意”的审核意见");
        }
        if (outcome.equals("PROBLEM")) {
            require(task, actor, CORRECTIONS, "须纠正的内容");
        }
        if (outcome.equals("TRANSFER")) {
            require(task, actor, TRANSFER_AUTHORITY, "移送的有权机关及理由");
        }
    }

    private void requireSubmission(DelegateTask task, String actor) {
        List<String> missing = SubmissionRules.missing(task::getVariable);
        if (!missing.isEmpty()) {
            throw refusals.refuse(task, actor, "SUBMISSION_INCOMPLETE", "送审材料不完整，请填写：" + String.join("、", missing));
        }
    }

    private void require(DelegateTask task, String actor, String variable, String label) {
        if (SubmissionRules.isBlank(task.getVariable(variable))) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
    }

    private String choice(DelegateTask task, String actor, String variable, String label, String... allowed) {
        Object value = task.getVariable(variable);
        if (value == null || !Set.of(allowed).contains(value.toString())) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请选择" + label);
        }
        return value.toString();
    }

    /** A date field: missing is reported as missing; otherwise YYYY-MM-DD (Camunda Forms) or a date value. */
    private LocalDate date(DelegateTask task, String actor, String variable, String label) {
        Object value = task.getVariable(variable);
        if (SubmissionRules.isBlank(value)) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), EngineClock.ZONE);
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确，应为 YYYY-MM-DD 的有效日期");
        }
    }
}
