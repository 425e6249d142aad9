package cn.zhifa.supervision;

import cn.zhifa.casefile.CaseKind;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
 * reviews, hearings, collective discussions and disclosures started in the year. Fines are the process variables
 * {@code fineAmount} (decided) and {@code fineCollected} (collected, yuan) of the year's proceedings, as the
 * penalty procedure writes them; a year without them reports 0.
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

    YearlyStatistics(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
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
        lines.add(new Line("罚没款", "罚款决定金额（元）", sum("fineAmount", instances.values())));
        lines.add(new Line("罚没款", "罚款收缴金额（元）", sum("fineCollected", instances.values())));
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

    private BigDecimal sum(String variable, java.util.Collection<List<String>> instances) {
        String[] ids = instances.stream().flatMap(List::stream).toArray(String[]::new);
        if (ids.length == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName(variable)
                .processInstanceIdIn(ids).list()) {
            if (v.getValue() instanceof Number n) {
                sum = sum.add(new BigDecimal(n.toString()));
            }
        }
        return sum;
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
