package cn.zhifa.supervision;

import cn.zhifa.calendar.CalendarService;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.EngineClock;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision dashboard's data, read-only, within the reader's scope ({@link SupervisionScope}). Each list names
 * the case by its reference (case number, or 登记号N before filing) and its id, for the link to the case.
 */
@RestController
class SupervisionController {

    static final Set<String> FINISHED_STAGES = Set.of(CaseStage.CLOSED.name(), CaseStage.ARCHIVED.name(),
            CaseStage.TRANSFERRED.name(), CaseStage.WITHDRAWN.name());
    private static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final SupervisionScope scopes;
    private final DeadlineService deadlines;
    private final CalendarService calendars;
    private final HistoryService history;
    private final StaffDirectory staff;

    SupervisionController(JdbcClient jdbc, SupervisionScope scopes, DeadlineService deadlines,
            CalendarService calendars, HistoryService history, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.history = history;
        this.staff = staff;
    }

    record Count(String key, String label, long count) {
    }

    record CaseRef(long caseId, String reference, String title, String unitName) {
    }

    record DeadlineRow(CaseRef caseRef, String processInstanceId, String entryName, Instant dueAt, LocalDate dueDay,
            int workingDaysLeft, String state, int extensionsUsed, boolean provisional) {
    }

    record ExtensionRow(CaseRef caseRef, String entryName, int amount, Instant oldDueAt, Instant newDueAt,
            String approvedBy, String approvedByName, Instant approvedAt, String reason) {
    }

    record ReviewRow(CaseRef caseRef, String processInstanceId, String result, String resultLabel,
            boolean disputed, String settlement) {
    }

    record ProceedingCount(String processKey, String label, long running, long ended) {
    }

    record LateUpload(CaseRef caseRef, String fileName, Instant capturedAt, Instant uploadedAt, String uploadedBy,
            String uploadedByName) {
    }

    record Overview(Instant at, List<Count> openByStage, List<Count> openByUnit, List<DeadlineRow> deadlines,
            List<ExtensionRow> extensions, List<ReviewRow> reviews, List<ProceedingCount> proceedings,
            List<LateUpload> lateAudioVideo) {
    }

    @GetMapping("/api/supervision/overview")
    Overview overview(Principal principal) {
        SupervisionScope.Scope scope = scopes.of(principal.getName());
        Map<Long, CaseRef> refs = caseRefs(scope);
        return new Overview(EngineClock.now(), openByStage(scope), openByUnit(scope), deadlines(refs),
                extensions(refs), reviews(refs), proceedings(scope), lateUploads(refs));
    }

    /** Every case in scope, by id: what the lists link to. */
    private Map<Long, CaseRef> caseRefs(SupervisionScope.Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("c.agency_id", params);
        Map<Long, CaseRef> refs = new HashMap<>();
        jdbc.sql("SELECT c.id, c.case_no, c.title, u.name FROM case_file c LEFT JOIN org_unit u ON u.id = c.handling_unit_id"
                        + " WHERE " + condition)
                .params(params)
                .query((java.sql.ResultSet rs) -> {
                    long id = rs.getLong(1);
                    String caseNo = rs.getString(2);
                    refs.put(id, new CaseRef(id, caseNo != null ? caseNo : "登记号" + id, rs.getString(3),
                            rs.getString(4)));
                });
        return refs;
    }

    private List<Count> openByStage(SupervisionScope.Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("finished", FINISHED_STAGES);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT c.stage, COUNT(*) FROM case_file c WHERE c.stage NOT IN (:finished) AND "
                        + scope.sqlCondition("c.agency_id", params) + " GROUP BY c.stage")
                .params(params).query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        List<Count> result = new ArrayList<>();
        for (CaseStage stage : CaseStage.values()) {
            if (!FINISHED_STAGES.contains(stage.name())) {
                result.add(new Count(stage.name(), stage.chineseName(), counts.getOrDefault(stage.name(), 0L)));
            }
        }
        return result;
    }

    private List<Count> openByUnit(SupervisionScope.Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("finished", FINISHED_STAGES);
        return jdbc.sql("""
                SELECT c.handling_unit_id, u.name, COUNT(*) FROM case_file c LEFT JOIN org_unit u
                    ON u.id = c.handling_unit_id
                WHERE c.stage NOT IN (:finished) AND """ + " " + scope.sqlCondition("c.agency_id", params)
                        + " GROUP BY c.handling_unit_id, u.name ORDER BY c.handling_unit_id")
                .params(params)
                .query((rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Open deadlines that are overdue, due today or inside their reminder window, earliest first. */
    private List<DeadlineRow> deadlines(Map<Long, CaseRef> refs) {
        Instant now = EngineClock.now();
        WorkingDayCalendar calendar = calendars.current();
        List<DeadlineRow> rows = new ArrayList<>();
        for (RunningDeadline d : deadlines.open()) {
            CaseRef ref = refs.get(caseIdOf(d.businessKey()));
            if (ref == null || d.status() != RunningDeadline.Status.OPEN) {
                continue;
            }
            LocalDate today = WorkingDayCalendar.dayOf(now);
            LocalDate dueDay = WorkingDayCalendar.dayOf(d.dueAt());
            int left = dueDay.isBefore(today) ? -calendar.workingDaysBetween(dueDay, today, false)
                    : calendar.workingDaysBetween(today, dueDay, false);
            String state = now.isAfter(d.dueAt()) ? "OVERDUE" : dueDay.equals(today) ? "DUE_TODAY"
                    : d.remindAt() != null && !now.isBefore(d.remindAt()) ? "NEAR" : null;
            if (state != null) {
                rows.add(new DeadlineRow(ref, d.processInstanceId(), deadlines.catalogue().entry(d.entryId()).name(),
                        d.dueAt(), dueDay, left, state, d.extensionsUsed(), d.provisional()));
            }
        }
        return rows.stream().limit(LIST_LIMIT).toList();
    }

    private List<ExtensionRow> extensions(Map<Long, CaseRef> refs) {
        List<ExtensionRow> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT d.business_key, d.entry_id, e.amount, e.old_due_at, e.new_due_at, e.approved_by, e.approved_at,
                    e.reason
                FROM deadline_extension e JOIN running_deadline d ON d.id = e.deadline_id
                ORDER BY e.approved_at DESC""")
                .query((java.sql.ResultSet rs) -> {
                    CaseRef ref = refs.get(caseIdOf(rs.getString(1)));
                    if (ref != null && rows.size() < LIST_LIMIT) {
                        rows.add(new ExtensionRow(ref, deadlines.catalogue().entry(rs.getString(2)).name(),
                                rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class)),
                                instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6),
                                staff.displayName(rs.getString(6)), instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8)));
                    }
                });
        return rows;
    }

    static final Map<String, String> REVIEW_RESULTS = Map.of("APPROVED", "审核通过",
            "APPROVED_AFTER_COORDINATION", "协调后通过", "TRANSFER", "移送有权机关", "WITHDRAWN", "承办机构撤回");
    static final Map<String, String> SETTLEMENTS = Map.of("FOLLOW_REVIEW", "采纳审核意见",
            "KEEP_UNIT_VIEW", "维持承办机构意见");

    /** Legal reviews of cases in scope: outcome, whether the handling unit disagreed, and how the head settled it. */
    private List<ReviewRow> reviews(Map<Long, CaseRef> refs) {
        Map<String, Long> caseOf = new HashMap<>();
        jdbc.sql("SELECT process_instance_id, case_id FROM case_proceeding WHERE process_key = 'legal-review'")
                .query((java.sql.ResultSet rs) -> {
                    caseOf.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (String name : caseOf.isEmpty() ? List.<String>of()
                : List.of("reviewResult", "findingsResponse", "coordinationOutcome")) {
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName(name)
                    .processInstanceIdIn(caseOf.keySet().toArray(String[]::new)).list()) {
                values.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(name, v.getValue());
            }
        }
        List<ReviewRow> rows = new ArrayList<>();
        caseOf.forEach((instance, caseId) -> {
            CaseRef ref = refs.get(caseId);
            if (ref == null) {
                return;
            }
            Map<String, Object> v = values.getOrDefault(instance, Map.of());
            String result = v.get("reviewResult") == null ? null : v.get("reviewResult").toString();
            Object settlement = v.get("coordinationOutcome");
            rows.add(new ReviewRow(ref, instance, result, result == null ? "审核中" : REVIEW_RESULTS.getOrDefault(result,
                    result), "DISAGREE".equals(String.valueOf(v.get("findingsResponse"))),
                    settlement == null ? null : SETTLEMENTS.getOrDefault(settlement.toString(), settlement.toString())));
        });
        rows.sort((a, b) -> Long.compare(b.caseRef().caseId(), a.caseRef().caseId()));
        return rows.stream().limit(LIST_LIMIT).toList();
    }

    static final Map<String, String> PROCEEDINGS = new LinkedHashMap<>();

    static {
        PROCEEDINGS.put("legal-review", "法制审核");
        PROCEEDINGS.put("hearing", "听证");
        PROCEEDINGS.put("collective-discussion", "集体讨论");
        PROCEEDINGS.put("document-service", "文书送达");
        PROCEEDINGS.put("disclosure", "信息公示");
    }

    private List<ProceedingCount> proceedings(SupervisionScope.Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("keys", PROCEEDINGS.keySet());
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                SELECT process_key, SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END),
                    SUM(CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END)
                FROM case_proceeding WHERE process_key IN (:keys) AND """ + " " + scope.sqlCondition("agency_id", params)
                        + " GROUP BY process_key")
                .params(params).query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return PROCEEDINGS.entrySet().stream().map(e -> {
            long[] c = counts.getOrDefault(e.getKey(), new long[2]);
            return new ProceedingCount(e.getKey(), e.getValue(), c[0], c[1]);
        }).toList();
    }

    private List<LateUpload> lateUploads(Map<Long, CaseRef> refs) {
        return jdbc.sql("""
                SELECT case_id, file_name, captured_at, uploaded_at, uploaded_by FROM case_attachment
                WHERE late_upload = TRUE ORDER BY uploaded_at DESC""")
                .query((rs, i) -> refs.containsKey(rs.getLong(1)) ? new LateUpload(refs.get(rs.getLong(1)),
                        rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
                        staff.displayName(rs.getString(5))) : null)
                .list().stream().filter(r -> r != null).limit(LIST_LIMIT).collect(Collectors.toList());
    }

    static Long caseIdOf(String caseKey) {
        return caseKey != null && caseKey.matches("\\d{1,18}") ? Long.valueOf(caseKey) : null;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
