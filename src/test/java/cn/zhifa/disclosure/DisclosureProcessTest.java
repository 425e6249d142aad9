package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.calendar.CalendarService;
import cn.zhifa.calendar.PeriodUnit;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code disclosure}: drafted with the personal data redacted, reviewed (and rejected), published on
 * time across National Day 2026, withheld with a head's approval, published redacted, reminded and escalated,
 * withdrawn within 2 working days, a changed decision's corrected record, a correction request.
 */
@ApplicationTest
class DisclosureProcessTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String AGENCY = "agency-amr";

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired DisclosureStore store;
    @Autowired Disclosures disclosures;
    @Autowired CorrectionRequests corrections;
    @Autowired DeadlineService deadlines;
    @Autowired CalendarService calendar;
    @Autowired DisclosureRuleSets ruleSets;
    @Autowired DocumentService documents;
    @Autowired TestRestTemplate rest;

    long caseId;
    static long documentIds = 900_000;

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    @BeforeEach
    void setUp() {
        clockAt("2026-09-29T10:00");
        caseId = filedCase();
    }

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
        ClockUtil.reset();
        identityService.clearAuthentication();
        ruleSets.clear(AGENCY);
    }

    long filedCase() {
        long id = cases.register(new NewCase(CaseKind.PENALTY, "张三销售不合格电线案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县幸福路8号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        cases.assignNumber(id);
        return id;
    }

    /** The decision document as the documents module records it (its rendering is the documents' own test). */
    static long decisionDocument(CaseRecord caseRecord, long caseId, String type, String facts) {
        long documentId = ++documentIds;
        Map<String, Object> fields = new HashMap<>();
        fields.put("caseNo", "某市监处罚〔2026〕" + documentId + "号");
        fields.put("partyName", "张三");
        fields.put("facts", facts);
        fields.put("legalBasis", "《中华人民共和国产品质量法》第四十九条");
        fields.put("penaltyType", "罚款人民币20000元，没收违法所得");
        caseRecord.append(caseId, "zhangwei", "DOCUMENT_GENERATED", "生成《行政处罚决定书》第1版",
                Map.of("documentId", documentId, "type", type, "version", 1, "fields", fields));
        return documentId;
    }

    static String facts() {
        return "当事人张三（身份证号码11010519491231002X，住址：某县幸福路8号，电话13812345678）销售不合格电线，"
                + "货款经银行账户6222021234567890123收取。";
    }

    <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }

    ProcessInstance start(String kind, long documentId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(DECISION_KIND, kind);
        variables.put(DECISION_DOCUMENT_ID, String.valueOf(documentId));
        return as("zhangwei", () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    void work(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
        Task task = task(instance, key);
        assertThat(task).as(key).isNotNull();
        as(user, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    static Map<String, Object> prepared(String exemption, String handling) {
        Map<String, Object> v = new HashMap<>();
        v.put(PUBLIC_CONCLUSION, "给予行政处罚");
        v.put(PUBLIC_FACTS, "当事人张三销售不合格电线，联系电话13812345678。");
        v.put(PUBLIC_BASIS, "《中华人民共和国产品质量法》第四十九条");
        v.put(PUBLIC_PENALTY, "罚款人民币20000元");
        v.put(EXEMPTION, exemption);
        if (handling != null) {
            v.put(EXEMPTION_HANDLING, handling);
            v.put(EXEMPTION_REASON, "涉及当事人的商业秘密（配方）");
            v.put(EXEMPTION_BASIS, "《政府信息公开条例》第十五条");
        }
        return v;
    }

    void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                    .active().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    long disclosureId(ProcessInstance instance) {
        return ((Number) variable(instance, DISCLOSURE_ID)).longValue();
    }

    List<String> actions() {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    LocalDate due(String from, int amount) {
        return calendar.due(LocalDate.parse(from), amount, PeriodUnit.WORKING_DAYS, false).due();
    }

    @Test
    void shouldDraftRedactedReviewPublishAndWithdrawEachOnTimeAcrossNationalDay() {
        long document = decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts());
        ProcessInstance instance = start("PENALTY", document);

        String draft = (String) variable(instance, DRAFT_TEXT);
        assertThat(draft).contains("执法对象：张某某", "执法类别：行政处罚", "处罚内容：罚款人民币20000元", "作出决定日期：2026年9月29日")
                .doesNotContain("张三", "11010519491231002X", "某县幸福路8号", "13812345678", "6222021234567890123");
        assertThat((String) variable(instance, REDACTION_TEXT)).contains("姓名：张三 → 张某某", "身份证号码", "电话号码",
                "银行账号", "住址");
        // 7 working days from Tuesday 29 September: National Day (1-7 October) does not count
        LocalDate expected = due("2026-09-29", 7);
        assertThat(expected).isAfter(LocalDate.of(2026, 10, 7));
        Task prepare = task(instance, DisclosureActorTaskListener.PREPARE);
        assertThat(prepare.getDueDate().toInstant().atZone(ZONE).toLocalDate()).isEqualTo(expected);

        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        assertThat((String) variable(instance, DRAFT_TEXT)).contains("联系电话（电话号码已隐去）");
        assertThat(store.publicOne(disclosureId(instance))).as("not before the review").isEmpty();

        clockAt("2026-10-09T10:00");
        Map<String, Object> pass = Map.of(REVIEW_OUTCOME, "APPROVE", REVIEW_REASONS, "");
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", pass);
        PublicRecord published = store.publicOne(disclosureId(instance)).orElseThrow();
        assertThat(published.target()).isEqualTo("张某某");
        DisclosureStore.Row row = store.find(published.id()).orElseThrow();
        assertThat(row.publishedAt()).isBeforeOrEqualTo(row.dueAt());
        assertThat(task(instance, DisclosureActorTaskListener.SUPERVISE_PUBLICATION)).isNull();
        assertThat(actions()).contains("DISCLOSURE_DRAFTED", "DISCLOSURE_PREPARED", "DISCLOSURE_REVIEWED",
                "DISCLOSURE_PUBLISHED");

        // revoked on Friday 9 October: 2 working days, Saturday 10 October being a 调休 working day if the notice says so
        assertThat(disclosures.withdrawFor(caseId, "经行政复议，复议机关决定撤销该处罚决定")).isTrue();
        Task withdraw = task(instance, DisclosureActorTaskListener.WITHDRAW);
        assertThat(withdraw.getDueDate().toInstant().atZone(ZONE).toLocalDate()).isEqualTo(due("2026-10-09", 2));
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.WITHDRAW, "zhangwei", Map.of()))
                .hasMessageContaining("撤回说明");
        clockAt("2026-10-12T09:00");
        work(instance, DisclosureActorTaskListener.WITHDRAW, "zhangwei",
                Map.of(WITHDRAWAL_NOTICE, "该行政处罚决定已被行政复议机关撤销，原公示信息撤回。"));
        row = store.find(published.id()).orElseThrow();
        assertThat(row.status()).isEqualTo("WITHDRAWN");
        assertThat(row.withdrawnAt()).isBeforeOrEqualTo(row.withdrawalDueAt());
        assertThat(store.publicOne(published.id())).isEmpty();
        assertThat(store.notice(published.id()).orElseThrow().notice()).contains("撤销");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldSendARejectedDraftBackWithReasonsAndKeepTheReviewerApartFromThePreparer() {
        ProcessInstance instance = start("PENALTY", decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts()));
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin",
                Map.of(REVIEW_OUTCOME, "REJECT", REVIEW_REASONS, "处罚内容应写明没收违法所得"));
        assertThat(task(instance, DisclosureActorTaskListener.PREPARE)).isNotNull();
        assertThat((String) variable(instance, REJECTION_REASONS)).contains("没收违法所得");
        assertThat(store.publicOne(disclosureId(instance))).isEmpty();
        // had the reviewer prepared the draft (as trusted code may record it), he could not review it
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        runtimeService.setVariable(instance.getId(), PREPARED_BY, "zhaomin");
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin",
                Map.of(REVIEW_OUTCOME, "APPROVE"))).hasMessageContaining("不能审查自己拟定的信息");
        runtimeService.setVariable(instance.getId(), PREPARED_BY, "zhangwei");
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin",
                Map.of(REVIEW_OUTCOME, "REJECT"))).hasMessageContaining("审查未通过的理由");
    }

    @Test
    void shouldWithholdOnlyWithAHeadsApprovalWithReasonAndBasis() {
        ProcessInstance instance = start("PENALTY", decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts()));
        for (String exemption : List.of("STATE_SECRET", "TRADE_SECRET", "PRIVACY", "MINOR", "HARM_TO_ENFORCEMENT")) {
            Map<String, Object> incomplete = prepared(exemption, "WITHHOLD");
            incomplete.remove(EXEMPTION_BASIS);
            assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", incomplete))
                    .as(exemption).hasMessageContaining("法律依据");
        }
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("MINOR", "WITHHOLD"));
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.APPROVE_WITHHOLDING, "zhangwei",
                Map.of(WITHHOLDING_DECISION, "APPROVE"))).hasMessageContaining("zhangwei");
        work(instance, DisclosureActorTaskListener.APPROVE_WITHHOLDING, "chengang",
                Map.of(WITHHOLDING_DECISION, "REFUSE", WITHHOLDING_REASONS, "可以适当处理后公开"));
        assertThat((String) variable(instance, REJECTION_REASONS)).contains("适当处理后公开");
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("MINOR", "WITHHOLD"));
        long id = disclosureId(instance);
        work(instance, DisclosureActorTaskListener.APPROVE_WITHHOLDING, "chengang",
                Map.of(WITHHOLDING_DECISION, "APPROVE"));
        DisclosureStore.Row row = store.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo("WITHHELD");
        assertThat(row.exemption()).isEqualTo("MINOR");
        assertThat(row.exemptionBasis()).contains("第十五条");
        assertThat(store.publicOne(row.id())).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldPublishAnExemptDecisionWithTheExemptTermsRemoved() {
        ProcessInstance instance = start("PENALTY", decisionDocument(caseRecord, caseId, "PENALTY_DECISION",
                "当事人张三使用配方A-17生产电线。"));
        Map<String, Object> redact = prepared("TRADE_SECRET", "REDACT");
        redact.put(PUBLIC_FACTS, "当事人张三使用配方A-17生产电线。");
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", redact))
                .hasMessageContaining("需隐去的内容");
        redact.put(ADDITIONAL_REDACTIONS, "配方A-17");
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", redact);
        assertThat((String) variable(instance, DRAFT_TEXT)).contains("使用（依法隐去）生产").doesNotContain("A-17");
        assertThat((String) variable(instance, EXEMPTION_TEXT)).contains("涉及商业秘密", "适当处理后公开");
        work(instance, DisclosureActorTaskListener.REVIEW, "sunli", Map.of(REVIEW_OUTCOME, "APPROVE"));
        assertThat(store.publicOne(disclosureId(instance)).orElseThrow().facts()).doesNotContain("A-17", "张三");
    }

    @Test
    void shouldRemindAndEscalateAnOtherDecisionAfterTwentyWorkingDaysAcrossNationalDay() {
        caseId = filedCase();
        ProcessInstance instance = start("OTHER", decisionDocument(caseRecord, caseId, "CASE_CLOSING_APPROVAL",
                "责令改正"));
        LocalDate expected = due("2026-09-29", 20);
        Task prepare = task(instance, DisclosureActorTaskListener.PREPARE);
        assertThat(prepare.getDueDate().toInstant().atZone(ZONE).toLocalDate()).isEqualTo(expected);
        clockAt(expected.minusDays(1) + "T23:00");
        runDueJobs(instance);
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).singleResult().getPriority())
                .isEqualTo(DisclosureDeadlineDelegate.REMINDED_PRIORITY);
        assertThat(task(instance, DisclosureActorTaskListener.SUPERVISE_PUBLICATION)).isNull();
        clockAt(expected.plusDays(1) + "T00:30");
        runDueJobs(instance);
        assertThat(task(instance, DisclosureActorTaskListener.SUPERVISE_PUBLICATION)).isNotNull();
        assertThat(actions()).contains("DISCLOSURE_REMINDED", "DISCLOSURE_OVERDUE");
        work(instance, DisclosureActorTaskListener.SUPERVISE_PUBLICATION, "chengang",
                Map.of(SUPERVISION_NOTE, "请当日公示"));
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", Map.of(REVIEW_OUTCOME, "APPROVE"));
        DisclosureStore.Row row = store.find(disclosureId(instance)).orElseThrow();
        assertThat(row.publishedAt()).isAfter(row.dueAt());
        assertThat(row.kind()).isEqualTo(DecisionKind.OTHER);
    }

    @Test
    void shouldEscalateALateWithdrawal() {
        ProcessInstance instance = published("PENALTY");
        disclosures.withdrawFor(caseId, Remedy.CONFIRMED_ILLEGAL, "人民法院判决确认该处罚决定违法");
        clockAt("2026-12-31T10:00");
        runDueJobs(instance);
        assertThat(task(instance, DisclosureActorTaskListener.SUPERVISE_WITHDRAWAL)).isNotNull();
        work(instance, DisclosureActorTaskListener.WITHDRAW, "zhangwei", Map.of(WITHDRAWAL_NOTICE, "确认违法，撤回。"));
        DisclosureStore.Row row = store.find(disclosureId(instance)).orElseThrow();
        assertThat(row.withdrawnAt()).isAfter(row.withdrawalDueAt());
        work(instance, DisclosureActorTaskListener.SUPERVISE_WITHDRAWAL, "chengang", Map.of());
    }

    ProcessInstance published(String kind) {
        ProcessInstance instance = start(kind, decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts()));
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", Map.of(REVIEW_OUTCOME, "APPROVE"));
        return instance;
    }

    @Test
    void shouldPublishACorrectedRecordForAChangedDecision() {
        ProcessInstance instance = published("PENALTY");
        long first = disclosureId(instance);
        long changed = decisionDocument(caseRecord, caseId, "PENALTY_DECISION", "当事人张三销售不合格电线（变更）。");
        assertThat(disclosures.changedFor(caseId, "复议机关决定变更罚款数额", changed, LocalDate.of(2026, 10, 20)))
                .isTrue();
        work(instance, DisclosureActorTaskListener.WITHDRAW, "zhangwei", Map.of(WITHDRAWAL_NOTICE, "决定已变更，撤回原信息。"));
        long second = disclosureId(instance);
        assertThat(second).isNotEqualTo(first);
        assertThat(store.find(second).orElseThrow().supersedes()).isEqualTo(first);
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", prepared("NONE", null));
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", Map.of(REVIEW_OUTCOME, "APPROVE"));
        PublicRecord corrected = store.publicOne(second).orElseThrow();
        assertThat(corrected.supersedes()).isEqualTo(first);
        assertThat(corrected.decidedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(store.publicOne(first)).isEmpty();
    }

    @Test
    void shouldAbandonTheDraftWhenTheDecisionIsRevokedBeforePublication() {
        ProcessInstance instance = start("PENALTY", decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts()));
        long id = disclosureId(instance);
        assertThat(disclosures.withdrawFor(caseId, "决定已被撤销")).isTrue();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("ABANDONED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldHandleACorrectionRequestWithAResultAndRecordIt() {
        ProcessInstance instance = published("PENALTY");
        long record = disclosureId(instance);
        long rejected = corrections.request(record, "处罚内容有误", "决定书复印件第2页", null, "10.0.0.1");
        work(instance, DisclosureActorTaskListener.HANDLE_CORRECTION, "zhangwei",
                Map.of(CORRECTION_OUTCOME, "REJECT", CORRECTION_REPLY, "经核实，公示内容与决定书一致"));
        assertThat(store.correction(rejected).orElseThrow().status()).isEqualTo("REJECTED");

        long granted = corrections.request(record, "违法事实表述有误", "销售凭证", "联系电话13900000000", "10.0.0.1");
        Map<String, Object> correct = new HashMap<>();
        correct.put(CORRECTION_OUTCOME, "CORRECT");
        correct.put(CORRECTION_REPLY, "经核实，予以更正");
        correct.put(CORRECTED_CONCLUSION, "给予行政处罚");
        correct.put(CORRECTED_FACTS, "当事人张三销售不合格插座。");
        work(instance, DisclosureActorTaskListener.HANDLE_CORRECTION, "zhangwei", correct);
        assertThat(store.publicOne(record).orElseThrow().facts()).as("not before the review").contains("电线");
        work(instance, DisclosureActorTaskListener.REVIEW_CORRECTION, "zhaomin",
                Map.of(CORRECTION_REVIEW_OUTCOME, "APPROVE"));
        PublicRecord corrected = store.publicOne(record).orElseThrow();
        assertThat(corrected.facts()).isEqualTo("当事人张某某销售不合格插座。");
        assertThat(corrected.correctedAt()).isNotNull();
        assertThat(store.correction(granted).orElseThrow().result()).isEqualTo("经核实，予以更正");
        assertThat(actions()).contains("CORRECTION_REQUESTED", "CORRECTION_REJECTED", "CORRECTION_PROPOSED",
                "CORRECTION_PUBLISHED");
    }

    /** A 行政处罚决定书 rendered and stored by the documents module, as the penalty procedure makes it. */
    long renderedDecision(String penalty) {
        cases.moveTo(caseId, CaseStage.DECISION, "zhangwei");
        Map<String, Object> data = new HashMap<>();
        data.put("facts", facts());
        data.put("evidence", "现场检查笔录、询问笔录");
        data.put("penaltyType", penalty);
        data.put("legalBasis", "《中华人民共和国产品质量法》第四十九条");
        data.put("performanceMethod", "自收到本决定书之日起十五日内到指定银行缴纳");
        data.put("performanceDeadline", LocalDate.of(2026, 10, 30));
        data.put("reconsiderationOrgan", "某县人民政府");
        data.put("court", "某县人民法院");
        return documents.generate(caseId, DocumentType.PENALTY_DECISION, data, "zhangwei").id();
    }

    @Test
    void shouldPublishTheRedactedFullTextWhereTheAgencysRulesAskForIt() {
        assertThat(cases.find(caseId).orElseThrow().agencyId()).isEqualTo(AGENCY);
        ProcessInstance summaryOnly = start("PENALTY", renderedDecision("罚款人民币20000元"));
        assertThat(variable(summaryOnly, FULL_TEXT_PREVIEW)).as("an agency without the rule").isNull();
        runtimeService.deleteProcessInstance(summaryOnly.getId(), "test");

        ruleSets.update(new DisclosureRuleSet(AGENCY, true, null, "本省行政处罚决定书全文公示办法"), "admin");
        ProcessInstance instance = start("PENALTY", renderedDecision("罚款人民币20000元"));
        String fullText = (String) variable(instance, FULL_TEXT_PREVIEW);
        assertThat(fullText).contains("行政处罚决定书", "张某某", "销售不合格电线", "罚款人民币20000元", "某县人民法院")
                .doesNotContain("张三", "11010519491231002X", "某县幸福路8号", "13812345678", "6222021234567890123");
        assertThat((String) variable(instance, REDACTION_TEXT)).contains("姓名：张三 → 张某某");
        Map<String, Object> redact = prepared("TRADE_SECRET", "REDACT");
        redact.put(ADDITIONAL_REDACTIONS, "某县人民政府");
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", redact);
        assertThat((String) variable(instance, FULL_TEXT_PREVIEW)).as("the exempt terms leave the full text too")
                .contains("（依法隐去）").doesNotContain("某县人民政府");
        assertThat((String) variable(instance, PUBLICATION_TERM_TEXT)).startsWith("执法决定信息公示期限")
                .contains("本机关未规定较低数额罚款");
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", Map.of(REVIEW_OUTCOME, "APPROVE"));

        ResponseEntity<Map> published = rest.getForEntity("/api/public/disclosures/" + disclosureId(instance),
                Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) published.getBody().get("fullText")).isEqualTo(variable(instance, FULL_TEXT_PREVIEW));
        assertThat(variable(instance, PUBLICATION_TERM)).isEqualTo(PublicationTerm.STANDARD);
        // the standard term: 36 months from publication, kept as the catalogue's running deadline
        LocalDate until = store.find(disclosureId(instance)).orElseThrow().text().publicUntil().toLocalDate();
        assertThat(until).isBetween(LocalDate.of(2029, 9, 29), LocalDate.of(2029, 10, 9));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
                .getDuedate().toInstant().atZone(ZONE).toLocalDate()).isEqualTo(until);
    }

    @Test
    void shouldEndThePublicationAfterTheShortTermOfALowFineAndLeaveThePublicSide() {
        ruleSets.update(new DisclosureRuleSet(AGENCY, false, 1000_00L, "本省规定较低数额罚款为1000元以下"), "admin");
        ProcessInstance instance = start("PENALTY", decisionDocument(caseRecord, caseId, "PENALTY_DECISION", facts()));
        Map<String, Object> low = prepared("NONE", null);
        low.put(PUBLIC_PENALTY, "罚款人民币500元");
        work(instance, DisclosureActorTaskListener.PREPARE, "zhangwei", low);
        assertThat((String) variable(instance, PUBLICATION_TERM_TEXT)).startsWith("较低数额罚款、通报批评信息公示期限")
                .contains("1000元以下");
        clockAt("2026-10-09T10:00");
        work(instance, DisclosureActorTaskListener.REVIEW, "zhaomin", Map.of(REVIEW_OUTCOME, "APPROVE"));
        long id = disclosureId(instance);
        assertThat(variable(instance, PUBLICATION_TERM)).isEqualTo(PublicationTerm.SHORT);
        LocalDate until = deadlines.find(instance.getId(), PublicationTerm.SHORT).orElseThrow().dueAt().atZone(ZONE)
                .toLocalDate();
        // three months from Friday 9 October 2026: Saturday 9 January 2027 rolls to the next working day
        assertThat(until).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(store.publicOne(id).orElseThrow().publicUntil().toLocalDate()).isEqualTo(until);

        clockAt(until + "T12:00");
        runDueJobs(instance);
        assertThat(store.publicOne(id)).as("public to the end of the last day").isPresent();
        clockAt(until.plusDays(1) + "T00:30");
        runDueJobs(instance);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("ENDED");
        assertThat(store.publicOne(id)).isEmpty();
        assertThat(store.publicPage(null, null, null, null, 0, 50).items()).extracting(PublicRecord::id)
                .doesNotContain(id);
        ResponseEntity<Map> gone = rest.getForEntity("/api/public/disclosures/" + id, Map.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(gone.getBody()).containsEntry("code", "DISCLOSURE_TERM_ENDED");
        assertThatThrownBy(() -> corrections.request(id, "请更正", "证据", null, "10.0.0.9"))
                .hasMessageContaining("没有该公示信息");
        assertThat(actions()).contains("DISCLOSURE_TERM_ENDED");
        assertThat(deadlines.find(instance.getId(), PublicationTerm.SHORT).orElseThrow().status().name())
                .isEqualTo("DONE");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldSendARejectedCorrectionBackToTheHandlingUnit() {
        ProcessInstance instance = published("PENALTY");
        corrections.request(disclosureId(instance), "违法事实表述有误", "销售凭证", null, "10.0.0.2");
        Map<String, Object> correct = new HashMap<>();
        correct.put(CORRECTION_OUTCOME, "CORRECT");
        correct.put(CORRECTION_REPLY, "经核实，予以更正");
        correct.put(CORRECTED_CONCLUSION, "给予行政处罚");
        correct.put(CORRECTED_FACTS, "当事人张三销售不合格插座。");
        work(instance, DisclosureActorTaskListener.HANDLE_CORRECTION, "zhangwei", correct);
        assertThatThrownBy(() -> work(instance, DisclosureActorTaskListener.REVIEW_CORRECTION, "zhaomin",
                Map.of(CORRECTION_REVIEW_OUTCOME, "REJECT"))).hasMessageContaining("审查未通过的理由");
        work(instance, DisclosureActorTaskListener.REVIEW_CORRECTION, "zhaomin",
                Map.of(CORRECTION_REVIEW_OUTCOME, "REJECT", CORRECTION_REVIEW_REASONS, "更正内容缺少证据"));
        assertThat(task(instance, DisclosureActorTaskListener.HANDLE_CORRECTION)).isNotNull();
        assertThat(store.publicOne(disclosureId(instance)).orElseThrow().facts()).contains("电线");
        assertThat(actions()).contains("CORRECTION_REVIEW_REJECTED");
    }
}
