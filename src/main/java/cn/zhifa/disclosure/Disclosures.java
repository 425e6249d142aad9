package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.PROCESS_KEY;

import cn.zhifa.boundary.EngineVariables;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disclosure's API for the other features (the execution stage reports remedies here): it registers the remedy
 * and sends the BPMN message ({@value Remedy#REVOKED_MESSAGE} or {@value Remedy#CHANGED_MESSAGE}) to the case's
 * running disclosure, whose withdrawal period starts now. Trusted code only: no person's input reaches it unchecked.
 */
@Component
public class Disclosures {

    private final RuntimeService runtimeService;
    private final DisclosureStore store;

    Disclosures(RuntimeService runtimeService, DisclosureStore store) {
        this.runtimeService = runtimeService;
        this.store = store;
    }

    /**
     * The case's decision was revoked ({@link Remedy#REVOKED}), confirmed illegal or invalid: its record is withdrawn
     * (or its draft abandoned). False when the case has no running disclosure (nothing published to withdraw).
     */
    @Transactional
    public boolean withdrawFor(long caseId, Remedy remedy, String reason) {
        if (remedy == Remedy.CHANGED) {
            throw new IllegalArgumentException("a changed decision names its new document: use changedFor");
        }
        return send(caseId, remedy, reason, null, null);
    }

    /** As {@link #withdrawFor(long, Remedy, String)} for a revocation. */
    @Transactional
    public boolean withdrawFor(long caseId, String reason) {
        return withdrawFor(caseId, Remedy.REVOKED, reason);
    }

    /**
     * The case's decision was changed: the record is withdrawn and a corrected record of the changed decision
     * (its StoredDocument id in cn.zhifa.documents, and its date) is drafted, reviewed and published.
     */
    @Transactional
    public boolean changedFor(long caseId, String reason, long changedDocumentId, LocalDate changedDecidedOn) {
        return send(caseId, Remedy.CHANGED, reason, changedDocumentId, changedDecidedOn);
    }

    /** The timeliness figures of the decisions made in [from, to] by the agencies named (every agency for null). */
    @Transactional(readOnly = true)
    public DisclosureTimeliness timeliness(LocalDate from, LocalDate to, Collection<String> agencyIds) {
        return DisclosureTimeliness.of(from, to, agencyIds, store.decidedBetween(from, to, agencyIds),
                Dates.now());
    }

    private boolean send(long caseId, Remedy remedy, String reason, Long documentId, LocalDate decidedOn) {
        Optional<ProcessInstance> running = running(caseId);
        if (running.isEmpty() || runtimeService.createEventSubscriptionQuery().processInstanceId(running.get().getId())
                .eventName(remedy.message()).count() == 0) {
            return false;
        }
        store.insertRemedy(caseId, remedy, reason, documentId, decidedOn, Dates.now());
        runtimeService.createMessageCorrelation(remedy.message()).processInstanceId(running.get().getId())
                .correlateWithResult();
        return true;
    }

    private Optional<ProcessInstance> running(long caseId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(EngineVariables.CASE_ID, caseId).active().list().stream().findFirst();
    }
}
