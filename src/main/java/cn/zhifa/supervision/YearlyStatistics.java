package cn.zhifa.supervision;

import cn.zhifa.casefile.CaseKind;
import cn.zhifa.disclosure.DisclosureTimeliness;
import cn.zhifa.disclosure.Disclosures;
import cn.zhifa.execution.CaseExecution;
import cn.zhifa.onthespot.OnTheSpotFigures;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The yearly statistics (行政执法统计年报, due by 31 January for the year before) from the register: the cases
 * registered in the year by enforcement type, by outcome and by handling unit; fines decided and collected; the legal
 * reviews, hearings, collective discussions and disclosures started in the year. The money is the execution's own
 * register ({@link CaseExecution#figuresBetween}): the fines and confiscations of the decisions served in the year,
 * and what the bank receipts of the year show paid, of the cases in scope; and the on-the-spot decisions', which never
 * reach that register ({@link OnTheSpotFigures#between}: the fines decided in the year, and those paid into the bank in
 * it). Disclosure timeliness is the disclosure's
 * ({@link Disclosures#timeliness}) for the decisions made in the year.
 */
@Component
class YearlyStatistics {

    static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("DONE", "已办结（结案、归档）");
        OUTCOMES.put("TRANSFERRED", "移送");
        OUTCOMES.put("WITHDRAWN", "撤销");
        OUTCOMES.put("OPEN", "办理中");
    }

    record Line(String section, String item, BigDecimal value) {
    }

    record Report(int year, String title, List<Line> lines) {
    }

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final CaseExecution execution;
    private final Disclosures disclosures;
    private final OnTheSpotFigures onTheSpot;

    YearlyStatistics(JdbcClient jdbc, HistoryService history, CaseExecution execution, Disclosures disclosures,
            OnTheSpotFigures onTheSpot) {
        this.jdbc = jdbc;
        this.history = history;
        this.execution = execution;
        this.disclosures = disclosures;
        this.onTheSpot = onTheSpot;
    }

    Report of(int year, SupervisionScope.Scope scope) {
        if (year < 2000 || year > 2100) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "YEAR_INVALID", "统计年度应在2000年至2100年之间");
        }
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        List<Line> lines = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        String inScope = scope.sqlCondition("c.agency_id", params);
        String cases = " FROM case_file c WHERE c.created_at >= :from AND c.created_at < :to AND " + inScope;

        long total = jdbc.sql("SELECT COUNT(*)" + cases).params(params).query(Long.class).single();
        lines.add(new Line("案件总数", "本年度登记的线索和案件", BigDecimal.valueOf(total)));
        Map<String, Long> byKind = new HashMap<>();
        jdbc.sql("SELECT c.kind, COUNT(*)" + cases + " GROUP BY c.kind").params(params)
                .query((java.sql.ResultSet rs) -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        for (CaseKind kind : CaseKind.values()) {
            lines.add(new Line("按执法类别", kindName(kind), BigDecimal.valueOf(byKind.getOrDefault(kind.name(), 0L))));
        }
        Map<String, Long> byOutcome = new HashMap<>();
        jdbc.sql("SELECT c.stage, COUNT(*)" + cases + " GROUP BY c.stage").params(params)
                .query((java.sql.ResultSet rs) -> {
                    byOutcome.merge(outcomeOf(rs.getString(1)), rs.getLong(2), Long::sum);
                });
        OUTCOMES.forEach((key, label) -> lines.add(new Line("按办理结果", label,
                BigDecimal.valueOf(byOutcome.getOrDefault(key, 0L)))));
        jdbc.sql("SELECT COALESCE(u.name, c.handling_unit_id), COUNT(*) FROM case_file c LEFT JOIN org_unit u"
                        + " ON u.id = c.handling_unit_id WHERE c.created_at >= :from AND c.created_at < :to AND "
                        + inScope + " GROUP BY COALESCE(u.name, c.handling_unit_id)"
                        + " ORDER BY COALESCE(u.name, c.handling_unit_id)")
                .params(params)
                .query((java.sql.ResultSet rs) -> {
                    lines.add(new Line("按承办机构", rs.getString(1), BigDecimal.valueOf(rs.getLong(2))));
                });

        Map<String, List<String>> instances = proceedingsStarted(params, scope);
        money(year, scope, lines);
        Map<String, Long> reviewResults = new HashMap<>();
        List<String> reviews = instances.getOrDefault("legal-review", List.of());
        lines.add(new Line("法制审核", "提交法制审核", BigDecimal.valueOf(reviews.size())));
        if (!reviews.isEmpty()) {
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName("reviewResult")
                    .processInstanceIdIn(reviews.toArray(String[]::new)).list()) {
                reviewResults.merge(String.valueOf(v.getValue()), 1L, Long::sum);
            }
        }
        SupervisionController.REVIEW_RESULTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(new Line("法制审核", e.getValue(),
                        BigDecimal.valueOf(reviewResults.getOrDefault(e.getKey(), 0L)))));
        lines.add(new Line("听证", "举行听证", BigDecimal.valueOf(instances.getOrDefault("hearing", List.of()).size())));
        lines.add(new Line("集体讨论", "负责人集体讨论",
                BigDecimal.valueOf(instances.getOrDefault("collective-discussion", List.of()).size())));
        lines.add(new Line("信息公示", "启动公示",
                BigDecimal.valueOf(instances.getOrDefault("disclosure", List.of()).size())));
        DisclosureTimeliness disclosed = disclosures.timeliness(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                scope.agencies());
        lines.add(new Line("信息公示", "本年度作出的执法决定", BigDecimal.valueOf(disclosed.decisions())));
        lines.add(new Line("信息公示", "按期公示", BigDecimal.valueOf(disclosed.publishedOnTime())));
        lines.add(new Line("信息公示", "逾期公示", BigDecimal.valueOf(disclosed.publishedLate())));
        lines.add(new Line("信息公示", "尚未公示（其中已逾期的另列）", BigDecimal.valueOf(disclosed.unpublished())));
        lines.add(new Line("信息公示", "尚未公示且已逾期", BigDecimal.valueOf(disclosed.unpublishedOverdue())));
        lines.add(new Line("信息公示", "依法不予公开", BigDecimal.valueOf(disclosed.withheld())));
        lines.add(new Line("信息公示", "按期撤回", BigDecimal.valueOf(disclosed.withdrawnOnTime())));
        lines.add(new Line("信息公示", "逾期撤回", BigDecimal.valueOf(disclosed.withdrawnLate())));
        return new Report(year, year + "年度行政执法统计年报", lines);
    }

    /** The process instances started in the period for cases in scope, by process key. */
    private Map<String, List<String>> proceedingsStarted(Map<String, Object> params, SupervisionScope.Scope scope) {
        Map<String, Object> p = new HashMap<>(params);
        Map<String, List<String>> byKey = new HashMap<>();
        jdbc.sql("SELECT process_key, process_instance_id FROM case_proceeding c WHERE c.started_at >= :from"
                        + " AND c.started_at < :to AND " + scope.sqlCondition("c.agency_id", p))
                .params(p).query((java.sql.ResultSet rs) -> {
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return byKey;
    }

    /** Fines and confiscations decided, and what was paid, in the year, for the cases of the agencies in scope. */
    private void money(int year, SupervisionScope.Scope scope, List<Line> lines) {
        Map<String, Object> params = new HashMap<>();
        // a supervisor sees every agency: no need to list the cases
        Set<Long> inScope = scope.agencies() == null ? null : new HashSet<>(jdbc.sql("SELECT c.id FROM case_file c"
                + " WHERE " + scope.sqlCondition("c.agency_id", params)).params(params).query(Long.class).list());
        long fine = 0, confiscation = 0, paid = 0;
        for (CaseExecution.PeriodFigures figures : execution.figuresBetween(LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1))) {
            if (inScope == null || inScope.contains(figures.caseId())) {
                fine += figures.fineFen();
                confiscation += figures.confiscationFen();
                paid += figures.paidFen();
            }
        }
        for (OnTheSpotFigures.CaseFigures figures : onTheSpot.between(LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1))) {
            if (inScope == null || inScope.contains(figures.caseId())) {
                fine += figures.fineFen();
                paid += figures.paidFen();
            }
        }
        lines.add(new Line("罚没款", "罚款决定金额（元）", yuan(fine)));
        lines.add(new Line("罚没款", "没收违法所得决定金额（元）", yuan(confiscation)));
        lines.add(new Line("罚没款", "罚没款收缴金额（元）", yuan(paid)));
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static String kindName(CaseKind kind) {
        return kind.chineseName();
    }

    private static String outcomeOf(String stage) {
        return switch (stage) {
            case "CLOSED", "ARCHIVED" -> "DONE";
            case "TRANSFERRED" -> "TRANSFERRED";
            case "WITHDRAWN" -> "WITHDRAWN";
            default -> "OPEN";
        };
    }

}
