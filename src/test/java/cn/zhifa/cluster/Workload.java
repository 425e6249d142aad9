package cn.zhifa.cluster;

import cn.zhifa.cluster.Http.Answer;
import cn.zhifa.cluster.Ledger.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the clients do, over HTTP as Tasklist and the 案卷 page do, on whichever node the balancer picks for each call:
 * a legal review (register the case, upload evidence, submit, accept, the reminder timer made due by an
 * administrator as Cockpit does, the opinion once the reminder came) and a penalty case (clue, proposal and decision
 * to file, which numbers the case, evidence). A step that fails ends the scenario: its write is written down as
 * unacknowledged and the client starts the next one.
 */
final class Workload {

    static final String OFFICER = "zhangwei";
    static final String CO_OFFICER = "lina";
    static final String REVIEWER = "zhaomin";
    static final String HEAD = "chengang";
    static final String ADMIN = "admin";
    static final String REMINDER = "BoundaryEvent_ReviewDueSoon";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Http http;
    private final Ledger ledger;

    Workload(Http http, Ledger ledger) {
        this.http = http;
        this.ledger = ledger;
    }

    /** Scenario failed at a step; the write (if any) is in the ledger as unacknowledged. */
    private static final class Abandoned extends RuntimeException {
        Abandoned(String message) {
            super(message, null, false, false);
        }
    }

    void legalReview() {
        try {
            long caseId = registerCase();
            upload(caseId);
            String instance = startLegalReview(caseId);
            String intake = task(REVIEWER, instance, "Task_ReviewIntake");
            claim(REVIEWER, intake);
            complete(REVIEWER, intake, Map.of("intakeOutcome", "ACCEPT"));
            makeReminderDue(instance);
            if (awaitReminder(caseId)) {
                Map<String, Object> opinion = new HashMap<>();
                for (String point : List.of("pointSubject", "pointAuthority", "pointFacts", "pointLaw",
                        "pointProcedure", "pointDocuments", "pointCrime")) {
                    opinion.put(point, "OK");
                }
                opinion.put("reviewAction", "SUBMIT_OPINION");
                opinion.put("opinionOutcome", "AGREE");
                opinion.put("opinionText", "经审核，同意。");
                complete(REVIEWER, task(REVIEWER, instance, "Task_ReviewOpinion"), opinion);
            } else {
                ledger.note("legal review " + instance + ": reminder not seen within 60 s; left open");
            }
        } catch (Abandoned e) {
            // written down where it failed; a client that just failed waits a moment, as a person would
            Http.sleep(500);
        }
    }

    void penaltyCase() {
        try {
            LocalDate today = LocalDate.now(ZONE);
            Map<String, Object> clue = new LinkedHashMap<>();
            clue.put("caseTitle", "某商店销售不合格电线案");
            clue.put("clueSource", "COMPLAINT");
            clue.put("clueDiscoveredOn", today.toString());
            clue.put("actDate", today.minusDays(60).toString());
            clue.put("harmToLifeHealthFinance", false);
            clue.put("partyKind", "INDIVIDUAL");
            clue.put("partyName", "张三");
            clue.put("partyIdNumber", "11010519491231002X");
            clue.put("partyAddress", "某县某路1号");
            clue.put("clueFacts", "群众投诉：某商店销售的电线电缆导体电阻不合格。");
            clue.put("clueEvidence", "投诉材料、现场照片");
            clue.put("coOfficer", CO_OFFICER);
            Answer started = write(Kind.PROCESS_STARTED, "start penalty-case",
                    http.post(OFFICER, "/engine-rest/process-definition/key/penalty-case/start", typed(clue)));
            String instance = (String) Http.object(started).get("id");
            // the clue made the case; the instance's business key is its registration number (登记号12)
            long caseId = Long.parseLong(((String) Http.object(started).get("businessKey")).replace("登记号", ""));
            ledger.ack(Kind.PROCESS_STARTED, started.node(), Map.of("processInstanceId", instance,
                    "processKey", "penalty-case", "caseId", String.valueOf(caseId)));
            String propose = task(OFFICER, instance, "Task_ProposeFiling");
            claim(OFFICER, propose);
            complete(OFFICER, propose, Map.of("filingProposal", "FILE", "caseSummary", "当事人销售不合格电线。",
                    "filingBasis", "《中华人民共和国产品质量法》第四十九条"));
            String decide = task(HEAD, instance, "Task_DecideFiling");
            claim(HEAD, decide);
            complete(HEAD, decide, Map.of("filingDecision", "FILE"));
            upload(caseId);
        } catch (Abandoned e) {
            // written down where it failed; a client that just failed waits a moment, as a person would
            Http.sleep(500);
        }
    }

    private long registerCase() {
        Map<String, Object> body = Map.of("kind", "PENALTY", "title", "某商店销售不合格电线案",
                "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X",
                        "address", "某县某路1号")),
                "officers", List.of(Map.of("userId", OFFICER), Map.of("userId", CO_OFFICER)));
        Answer answer = write(Kind.CASE_REGISTERED, "register a case", http.post(OFFICER, "/api/cases", body));
        long caseId = ((Number) Http.object(answer).get("id")).longValue();
        ledger.ack(Kind.CASE_REGISTERED, answer.node(), Map.of("caseId", String.valueOf(caseId)));
        return caseId;
    }

    private void upload(long caseId) {
        // a PDF by its signature (the upload checks it), unique content so every upload is its own file
        byte[] content = new byte[8 * 1024 + ThreadLocalRandom.current().nextInt(8 * 1024)];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        String sha = sha256(content);
        Answer answer = write(Kind.ATTACHMENT_UPLOADED, "upload to case " + caseId + " sha " + sha,
                http.upload(OFFICER, "/api/cases/" + caseId + "/attachments", "检验报告.pdf", content,
                        Map.of("kind", "EVIDENCE", "description", "检验报告")));
        Object id = Http.object(answer).get("id");
        ledger.ack(Kind.ATTACHMENT_UPLOADED, answer.node(), Map.of("caseId", String.valueOf(caseId),
                "attachmentId", String.valueOf(id), "sha256", sha));
    }

    private String startLegalReview(long caseId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("caseRef", String.valueOf(caseId));
        form.put("decisionTitle", "对当事人罚款2万元");
        form.put("basicFacts", "当事人销售不合格电线，货值5000元。");
        form.put("appliedLaw", "《中华人民共和国产品质量法》第四十九条。");
        form.put("discretionApplied", "适用裁量基准第二档。");
        form.put("investigation", "现场检查、抽样检验、询问当事人。");
        form.put("hearingAssessment", "无");
        form.put("draftDecision", "行政处罚决定书（代拟稿）：罚款2万元。");
        form.put("evidenceList", "1. 现场检查笔录\n2. 检验报告");
        Answer answer = write(Kind.PROCESS_STARTED, "submit legal-review for case " + caseId,
                http.post(OFFICER, "/engine-rest/process-definition/key/legal-review/submit-form", typed(form)));
        String instance = (String) Http.object(answer).get("id");
        ledger.ack(Kind.PROCESS_STARTED, answer.node(), Map.of("processInstanceId", instance,
                "processKey", "legal-review", "caseId", String.valueOf(caseId)));
        return instance;
    }

    /** Cockpit's "change due date" on the reminder's timer job: it falls due now. */
    private void makeReminderDue(String instance) {
        List<Map<String, Object>> jobs = Http.list(read(http.get(ADMIN, "/engine-rest/job?processInstanceId="
                + instance + "&activityId=" + REMINDER)));
        if (jobs.size() != 1) {
            ledger.note("legal review " + instance + ": " + jobs.size() + " reminder timer jobs, expected 1");
            throw new Abandoned("no reminder job");
        }
        String job = (String) jobs.get(0).get("id");
        String due = ZonedDateTime.now(ZONE).format(CAMUNDA_DATE);
        Answer answer = write(Kind.TIMER_MADE_DUE, "make the reminder of " + instance + " due",
                http.put(ADMIN, "/engine-rest/job/" + job + "/duedate", Map.of("duedate", due)));
        ledger.ack(Kind.TIMER_MADE_DUE, answer.node(), Map.of("processInstanceId", instance, "jobId", job,
                "dueAt", due));
    }

    /** Waits (up to 60 s) for the reminder's entry in the case record, as a reviewer would see it. */
    private boolean awaitReminder(long caseId) {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            Answer answer = http.get(OFFICER, "/api/cases/" + caseId + "/record");
            if (answer.ok() && answer.body().contains("REVIEW_REMINDED")) {
                return true;
            }
            Http.sleep(1000);
        }
        return false;
    }

    private String task(String user, String instance, String key) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Answer answer = http.get(user, "/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=" + key);
            if (answer.ok()) {
                List<Map<String, Object>> tasks = Http.list(answer);
                if (tasks.size() == 1) {
                    return (String) tasks.get(0).get("id");
                }
            }
            Http.sleep(500);
        }
        ledger.note(instance + ": task " + key + " not found for " + user);
        throw new Abandoned("no task " + key);
    }

    private void claim(String user, String task) {
        Answer answer = http.post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
        if (!answer.ok()) {
            throw new Abandoned("claim failed: " + answer.cause());
        }
    }

    private void complete(String user, String task, Map<String, Object> variables) {
        Answer answer = write(Kind.TASK_COMPLETED, "complete task " + task,
                http.post(user, "/engine-rest/task/" + task + "/complete", typed(variables)));
        ledger.ack(Kind.TASK_COMPLETED, answer.node(), Map.of("taskId", task));
    }

    private Answer write(Kind kind, String what, Answer answer) {
        if (!answer.ok()) {
            ledger.unacked(kind, answer.node(), answer.cause(), what);
            throw new Abandoned(what + ": " + answer.cause());
        }
        return answer;
    }

    private Answer read(Answer answer) {
        if (!answer.ok()) {
            throw new Abandoned("read failed: " + answer.cause());
        }
        return answer;
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String")));
        return Map.of("variables", typed);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
