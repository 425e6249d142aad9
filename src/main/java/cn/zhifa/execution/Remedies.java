package cn.zhifa.execution;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.disclosure.Disclosures;
import cn.zhifa.disclosure.Remedy;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party's reconsideration or suit against the decision, as a head of the case's agency enters it: filed (the
 * surcharge stops running, 行政处罚法 第七十三条第三款) and decided (维持, 变更, 撤销, 确认违法, 确认无效). A decision is
 * delivered to the case's running execution (by its engine-owned {@code caseId}) as the message {@value #MESSAGE}; a revoked, void or unlawful decision
 * withdraws its disclosure ({@link Disclosures#withdrawFor}) and publishes {@link DecisionRevoked}; a changed fine
 * publishes {@link DecisionChanged} (the disclosure's {@code changedFor} needs the changed decision as a stored
 * document, which a reconsideration decision entered here is not).
 */
@Service
public class Remedies {

    public static final String MESSAGE = "RemedyDecided";
    static final String STEP = "登记复议、诉讼";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final ExecutionStore store;
    private final CaseRecord caseRecord;
    private final ExecutionRefusals refusals;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final Disclosures disclosures;

    Remedies(CaseRegister cases, StaffDirectory staff, ExecutionStore store, CaseRecord caseRecord,
            ExecutionRefusals refusals, RuntimeService runtimeService, IdentityService identityService,
            ApplicationEventPublisher events, Disclosures disclosures) {
        this.disclosures = disclosures;
        this.identityService = identityService;
        this.cases = cases;
        this.staff = staff;
        this.store = store;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    /** The party applied for reconsideration or sued on {@code filedOn}. */
    @Transactional
    public void filed(long caseId, RemedyKind kind, LocalDate filedOn, String actor) {
        CaseDetail detail = checked(caseId, actor);
        if (store.remedies(caseId).stream().anyMatch(remedy -> remedy.decidedOn() == null)) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.CONFLICT, "REMEDY_PENDING",
                    "本案已有尚未审结的行政复议或行政诉讼，请先登记其结果", Map.of());
        }
        store.insertRemedy(caseId, kind, filedOn, actor);
        caseRecord.append(detail.id(), actor, "REMEDY_FILED", "当事人" + filedOn + "提起" + kind.chineseName()
                + "；复议、诉讼期间加处罚款不予计算", Map.of("kind", kind.name(), "filedOn", filedOn.toString()));
    }

    /** The pending remedy was decided on {@code decidedOn}; a changed fine needs {@code changedFineFen}. */
    @Transactional
    public void decided(long caseId, LocalDate decidedOn, RemedyOutcome outcome, Long changedFineFen,
            String documentNo, String actor) {
        CaseDetail detail = checked(caseId, actor);
        List<cn.zhifa.execution.Remedy> pending = store.remedies(caseId).stream()
                .filter(remedy -> remedy.decidedOn() == null).toList();
        if (pending.isEmpty()) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.CONFLICT, "REMEDY_NOT_PENDING",
                    "本案没有尚未审结的行政复议或行政诉讼，请先登记当事人提起复议或诉讼", Map.of());
        }
        cn.zhifa.execution.Remedy remedy = pending.get(0);
        if (decidedOn.isBefore(remedy.filedOn())) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.UNPROCESSABLE_ENTITY, "REMEDY_DATE_INVALID",
                    "复议决定或判决的日期不能早于提起复议或诉讼的日期（" + remedy.filedOn() + "）", Map.of());
        }
        ExecutionStore.Obligation obligation = store.obligation(caseId).orElseThrow();
        if (outcome == RemedyOutcome.CHANGED
                && (changedFineFen == null || changedFineFen < 0 || changedFineFen == obligation.fineFen())) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.UNPROCESSABLE_ENTITY, "CHANGED_FINE_REQUIRED",
                    "变更决定须填写变更后的罚款数额（与原罚款数额不同）", Map.of());
        }
        store.decideRemedy(remedy.id(), decidedOn, outcome, outcome == RemedyOutcome.CHANGED ? changedFineFen : null,
                documentNo);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", remedy.kind().name());
        data.put("outcome", outcome.name());
        data.put("decidedOn", decidedOn.toString());
        data.put("documentNo", documentNo);
        if (outcome == RemedyOutcome.CHANGED) {
            data.put("changedFineFen", changedFineFen);
        }
        caseRecord.append(detail.id(), actor, "REMEDY_DECIDED", remedy.kind().chineseName() + "结果：" + outcome.chineseName()
                + "（" + documentNo + "）", data);
        deliver(caseId);
        if (outcome.endsExecution() || outcome == RemedyOutcome.CONFIRMED_ILLEGAL) {
            disclosures.withdrawFor(caseId, switch (outcome) {
                case REVOKED -> Remedy.REVOKED;
                case CONFIRMED_VOID -> Remedy.CONFIRMED_INVALID;
                default -> Remedy.CONFIRMED_ILLEGAL;
            }, remedy.kind().chineseName() + outcome.chineseName() + "（" + documentNo + "）");
            events.publishEvent(new DecisionRevoked(caseId, outcome, documentNo, decidedOn,
                    remedy.kind().chineseName() + outcome.chineseName() + "（" + documentNo + "）"));
        } else if (outcome == RemedyOutcome.CHANGED) {
            events.publishEvent(new DecisionChanged(caseId, obligation.fineFen(), changedFineFen, documentNo,
                    decidedOn));
        }
    }

    /**
     * The message goes to the case's running execution, if one waits for it, as the application: the head's right was
     * checked above, and what the message changes is read from the record, not from variables.
     */
    private void deliver(long caseId) {
        Authentication person = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceVariableEquals(EngineVariables.CASE_ID, caseId)
                    .correlateAll();
        } finally {
            if (person != null) {
                identityService.setAuthentication(person);
            }
        }
    }

    private CaseDetail checked(long caseId, String actor) {
        CaseDetail detail = cases.find(caseId).orElseThrow(() -> ExecutionController.caseNotFound(caseId));
        if (!staff.isHeadOf(detail.agencyId(), actor)) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD",
                    "复议决定、判决由本案所属行政执法机关的负责人登记", Map.of());
        }
        if (store.obligation(caseId).isEmpty()) {
            throw refusals.refuse(caseId, actor, STEP, HttpStatus.CONFLICT, "EXECUTION_NOT_OPENED",
                    "本案尚未进入执行，不能登记复议、诉讼", Map.of());
        }
        return detail;
    }
}
