package cn.zhifa.hearing;

import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caller's period that stands still while the hearing runs (市场监督管理行政处罚程序规定 第六十四条第二款: 听证时间不计入
 * 案件办理期限), as document-service does for an announcement: the caller names its catalogue entry in
 * {@code pauseDeadline}, the clock is looked for in the calling process and its callers, paused when the request is
 * registered and resumed, with the days it had left, after the hearing's last transaction has committed.
 */
@Component
class CallerClock {

    private static final Logger log = LoggerFactory.getLogger(CallerClock.class);

    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final TransactionTemplate newTransaction;

    CallerClock(DeadlineService deadlines, CaseRecord caseRecord, PlatformTransactionManager transactions) {
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A named entry must be one whose clock may stand still; a caller naming another is a wrong model. */
    void check(String entryId) {
        if (entryId != null && !deadlines.catalogue().entry(entryId).pausable()) {
            throw new IllegalStateException("hearing cannot pause " + entryId + ": not pausable");
        }
    }

    /** Pauses the caller's open clock; returns the process instance that holds it, if one was paused. */
    Optional<String> pause(DelegateExecution execution, String entryId, String reason) {
        if (entryId == null) {
            return Optional.empty();
        }
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        while (caller != null) {
            String holder = caller.getProcessInstanceId();
            Optional<RunningDeadline> running = deadlines.find(holder, entryId);
            if (running.isPresent()) {
                if (running.get().status() != RunningDeadline.Status.OPEN) {
                    break;
                }
                deadlines.pause(holder, entryId, reason);
                return Optional.of(holder);
            }
            caller = caller.getProcessInstance().getSuperExecution();
        }
        log.info("Process instance {}: no open {} of a caller to pause", execution.getProcessInstanceId(), entryId);
        return Optional.empty();
    }

    /**
     * Restarts the caller's clock once the engine's transaction has committed: resuming re-activates and moves the
     * caller's suspended timers, which inside the engine's own command Camunda fails as a concurrent change (see
     * docs/document-service.md). Should it fail, the clock stays paused where supervisors see it, and the record says so.
     */
    void resumeAfterCommit(long caseId, String holder, String entryId) {
        Runnable resume = () -> {
            try {
                newTransaction.executeWithoutResult(status -> deadlines.find(holder, entryId)
                        .filter(d -> d.status() == RunningDeadline.Status.PAUSED)
                        .ifPresent(d -> deadlines.resume(holder, entryId)));
            } catch (RuntimeException failed) {
                log.error("Case {}: {} of process instance {} could not be resumed after the hearing", caseId,
                        entryId, holder, failed);
                caseRecord.appendInNewTransaction(caseId, "system", "CALLER_CLOCK_NOT_RESUMED",
                        "听证结束后未能恢复计算" + deadlines.catalogue().entry(entryId).name() + "，请联系管理员",
                        Map.of("processInstanceId", holder, "entry", entryId));
            }
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            resume.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                resume.run();
            }
        });
    }
}
