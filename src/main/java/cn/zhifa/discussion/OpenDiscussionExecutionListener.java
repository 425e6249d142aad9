package cn.zhifa.discussion;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.review.ReviewResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A matter is put to the heads (from the start form, or from the calling penalty case) for the case the engine bound
 * the discussion to. The request comes from the case's handling unit or a head of its agency; a
 * penalty needs the case statement, the proposed decision and a passed legal review (seed 002: 未经法制审查或者经审查
 * 不合法的，不能提交会议讨论); a further extension needs the grounds, the proposed length, and a decision period whose
 * extension by a head is used (SAMR 第六十四条). Otherwise nothing starts. The forms get what the case file holds.
 */
@Component("openCollectiveDiscussionExecutionListener")
class OpenDiscussionExecutionListener implements ExecutionListener {

    private static final String STEP = "提请集体讨论";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final AgencyHeads heads;
    private final DiscussionRules rules;
    private final DiscussionMaterials materials;
    private final CaseRecord caseRecord;
    private final DiscussionRefusals refusals;

    OpenDiscussionExecutionListener(CaseRegister cases, StaffDirectory staff, AgencyHeads heads, DiscussionRules rules,
            DiscussionMaterials materials, CaseRecord caseRecord, DiscussionRefusals refusals) {
        this.cases = cases;
        this.staff = staff;
        this.heads = heads;
        this.rules = rules;
        this.materials = materials;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String requester = (String) execution.getVariable(EngineVariables.STARTED_BY);
        if (requester != null && !staff.isMember(requester, detail.handlingUnitId())
                && !staff.isHeadOf(detail.agencyId(), requester)) {
            throw refuse(detail, requester, "DISCUSSION_REQUESTER_NOT_ALLOWED",
                    "集体讨论须由本案承办机构（" + detail.handlingUnitName() + "）或本机关负责人提请", Map.of());
        }
        DiscussionMatter matter = matterOf(execution, detail, requester);
        List<String> members = heads.of(detail.agencyId(), rules.of(detail.agencyId()).principalHead());
        if (members.isEmpty()) {
            throw refuse(detail, requester, "AGENCY_HAS_NO_HEADS", detail.agencyName() + "没有登记负责人，不能召开集体讨论",
                    Map.of());
        }
        List<String> missing = matter == DiscussionMatter.PENALTY ? penaltyMaterials(execution, detail, requester)
                : extensionMaterials(execution, detail, requester);
        if (!missing.isEmpty()) {
            throw refuse(detail, requester, "DISCUSSION_MATERIALS_INCOMPLETE",
                    "提请集体讨论的材料不完整，请填写：" + String.join("、", missing), Map.of("missing", missing));
        }
        execution.setVariable(REQUESTED_BY, requester);
        // a major decision outside a penalty case may be discussed before it has a case number
        execution.setVariable(CASE_NO, detail.caseNo() == null ? "（尚未编号）" : detail.caseNo());
        execution.setVariable(CASE_TITLE, detail.title());
        execution.setVariable(MATTER_NAME, matter.chineseName());
        execution.setVariable(MEMBER_OPTIONS, FormJson.json(heads.options(members)));
        execution.setVariable(OUTCOME_OPTIONS, FormJson.json(outcomeOptions(matter)));
        caseRecord.append(detail.id(), requester == null ? "system" : requester, "DISCUSSION_REQUESTED",
                "提请集体讨论：" + matter.chineseName() + "——" + execution.getVariable(DECISION_TITLE),
                Map.of("matter", matter.name(), "processInstanceId", execution.getProcessInstanceId(),
                        "heads", members));
    }

    private DiscussionMatter matterOf(DelegateExecution execution, CaseDetail detail, String requester) {
        Object matter = execution.getVariable(MATTER);
        for (DiscussionMatter candidate : DiscussionMatter.values()) {
            if (candidate.name().equals(matter)) {
                return candidate;
            }
        }
        throw refuse(detail, requester, "FIELD_REQUIRED", "请选择讨论事项", Map.of());
    }

    private List<String> penaltyMaterials(DelegateExecution execution, CaseDetail detail, String requester) {
        Optional<ReviewResult> review = materials.latestReview(detail.id());
        if (review.isEmpty() || !DiscussionMaterials.passed(review.get())) {
            throw refuse(detail, requester, review.isEmpty() ? "LEGAL_REVIEW_MISSING" : "LEGAL_REVIEW_NOT_PASSED",
                    review.isEmpty() ? "本案未经法制审核，不能提交集体讨论"
                            : "本案法制审核结论为“" + review.get().chineseName() + "”，未通过法制审核的不能提交集体讨论",
                    Map.of());
        }
        if (blank(execution.getVariable(DECISION_TITLE))) {
            execution.setVariable(DECISION_TITLE, detail.title());
        }
        execution.setVariable(LEGAL_REVIEW_TEXT, materials.legalReviewText(detail.id(), review.get()));
        execution.setVariable(HEARING_REPORT_TEXT, materials.hearingReportText(detail.id()));
        List<String> missing = new ArrayList<>();
        if (blank(execution.getVariable(CASE_STATEMENT))) {
            missing.add("案件情况（违法事实、证据、适用依据、裁量理由）");
        }
        if (blank(execution.getVariable(DRAFT_DECISION))) {
            missing.add("拟处理意见（行政处罚决定书代拟稿）");
        }
        return missing;
    }

    private List<String> extensionMaterials(DelegateExecution execution, CaseDetail detail, String requester) {
        RunningDeadline period = materials.decisionPeriod(detail.id()).orElseThrow(() -> refuse(detail, requester,
                "DECISION_PERIOD_NOT_RUNNING", "本案没有正在计算的办案期限（作出处理决定期限），无需集体讨论延期", Map.of()));
        int byApproval = materials.extensionsByApproval();
        if (period.extensionsUsed() < byApproval) {
            throw refuse(detail, requester, "DECISION_EXTENSION_NOT_USED",
                    "办案期限尚可经负责人批准延长；经批准延期后仍不能作出处理决定的，才由负责人集体讨论决定是否继续延期"
                            + "（《市场监督管理行政处罚程序规定》第六十四条）",
                    Map.of("extensionsUsed", period.extensionsUsed(), "extensionsByApproval", byApproval));
        }
        if (blank(execution.getVariable(DECISION_TITLE))) {
            execution.setVariable(DECISION_TITLE, "是否继续延长本案办案期限");
        }
        execution.setVariable(DECISION_PERIOD_TEXT, DiscussionMaterials.describe(period));
        List<String> missing = new ArrayList<>();
        if (blank(execution.getVariable(EXTENSION_GROUNDS))) {
            missing.add("申请继续延期的理由");
        }
        Integer days = DiscussionForm.positiveNumber(execution.getVariable(PROPOSED_EXTENSION_DAYS));
        if (days == null) {
            missing.add("拟继续延长的天数（正整数）");
        } else {
            execution.setVariable(PROPOSED_EXTENSION_DAYS, days);
        }
        return missing;
    }

    private static List<Map<String, String>> outcomeOptions(DiscussionMatter matter) {
        List<Map<String, String>> options = new ArrayList<>();
        for (DiscussionResult outcome : matter.outcomes()) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", outcome.chineseName());
            option.put("value", outcome.name());
            options.add(option);
        }
        return options;
    }

    private DiscussionRefusedException refuse(CaseDetail detail, String requester, String code, String message,
            Map<String, Object> data) {
        return refusals.refuse(detail.id(), requester, STEP, code, message, data);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
