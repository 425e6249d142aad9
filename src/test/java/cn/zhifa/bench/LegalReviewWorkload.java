package cn.zhifa.bench;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.review.ReviewPoint;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 法制审核 as a reviewer meets it most often: the officer submits, the legal unit accepts and gives an opinion of
 * 同意, the opinion document is rendered by the job executor, the review ends. The reminder timer is moved to the
 * past once the review period runs, so the executor fires it (record entry, task priority, comment) before the
 * opinion. Per case: one start, one claim (the opinion
 * task is assigned to the reviewer) and two completions.
 */
final class LegalReviewWorkload implements CaseWorkload {

    static final String OFFICER = "zhangwei";
    static final String REVIEWER_USER = "zhaomin";

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String processResource() {
        return "processes/legal-review.bpmn";
    }

    @Override
    public List<String> users() {
        return List.of(OFFICER, REVIEWER_USER);
    }

    @Override
    public String description() {
        return "the job executor renders the opinion and fires the reminder set to the past.";
    }

    @Override
    public CaseState prepare(Side side) {
        return new CaseState(side.registerCase());
    }

    @Override
    public List<Phase> phases() {
        return List.of(
                (state, clicks) -> {
                    Map<String, Object> variables = submission(state.caseId);
                    if (clicks.bare()) {
                        variables.putAll(bareStartVariables());
                    }
                    state.processInstanceId = clicks.start(OFFICER, PROCESS_KEY, variables);
                    clicks.work(REVIEWER_USER, state.processInstanceId, "Task_ReviewIntake",
                            Map.of(INTAKE_OUTCOME, "ACCEPT"), Map.of(REVIEWER, REVIEWER_USER));
                    clicks.fireTimerNow(state.processInstanceId, "BoundaryEvent_ReviewDueSoon");
                },
                (state, clicks) -> clicks.work(REVIEWER_USER, state.processInstanceId, "Task_ReviewOpinion",
                        opinion(), Map.of()));
    }

    @Override
    public Map<String, Object> bareStartVariables() {
        long week = 7L * 24 * 3600 * 1000;
        return Map.of(EngineVariables.HANDLING_UNIT, "unit-squad-1", EngineVariables.LEGAL_UNIT, "unit-legal",
                EngineVariables.LEADERSHIP_UNIT, "unit-leadership",
                BenchVariables.DUE_AT, new Date(System.currentTimeMillis() + week),
                BenchVariables.REMIND_AT, new Date(System.currentTimeMillis() + week / 2));
    }

    static Map<String, Object> submission(long caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(DECISION_TITLE, "对当事人罚款20万元");
        variables.put(BASIC_FACTS, "当事人销售不合格电线电缆，货值5万元。");
        variables.put(APPLIED_LAW, "《中华人民共和国产品质量法》第四十九条。");
        variables.put(DISCRETION, "适用裁量基准第三档，从重情节一项。");
        variables.put(INVESTIGATION, "现场检查、抽样检验、询问当事人。");
        variables.put(HEARING_ASSESSMENT, "已举行听证，当事人到场。");
        variables.put(DRAFT_DECISION, "行政处罚决定书（代拟稿）：罚款20万元。");
        variables.put(EVIDENCE_LIST, "1. 现场检查笔录\n2. 检验报告\n3. 询问笔录");
        return variables;
    }

    static Map<String, Object> opinion() {
        Map<String, Object> variables = new HashMap<>();
        for (ReviewPoint point : ReviewPoint.values()) {
            variables.put(point.variable(), "OK");
        }
        variables.put(REVIEW_ACTION, "SUBMIT_OPINION");
        variables.put(OPINION_OUTCOME, "AGREE");
        variables.put(OPINION_TEXT, "经审核，同意。");
        return variables;
    }
}
