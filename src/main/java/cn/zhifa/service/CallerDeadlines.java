package cn.zhifa.service;

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
 * The caller's period that stands still while a called procedure runs (市场监督管理行政处罚程序规定 第六十四条第二款:
 * 公告、听证 time is not counted in the decision period): document-service for an announcement, hearing from the request
 * to its end. The caller names its catalogue entry in {@code pauseDeadline}; the clock is looked for in the calling
 * process and, through nested call activities, in its callers.
 */
@Component
public class CallerDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CallerDeadlines.class);

    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final TransactionTemplate newTransaction;

    CallerDeadlines(DeadlineService deadlines, CaseRecord caseRecord, PlatformTransactionManager transactions) {
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A named entry must be one whose clock may stand still; a model naming another is wrong. */
    public void check(String entryId) {
        if (entryId != null && !deadlines.catalogue().entry(entryId).pausable()) {
            throw new IllegalStateException("a called procedure cannot pause " + entryId + ": not pausable");
        }
    }

    /** Pauses the caller's running clock; returns the process instance that holds it, if one was paused. */
    public Optional<String> pause(DelegateExecution execution, String entryId, String reason) {
        if (entryId == null) {
            return Optional.empty();
        }
        Optional<String> holder = holderOf(execution, entryId);
        Optional<RunningDeadline> running = holder.flatMap(pid -> deadlines.find(pid, entryId));
        if (running.isEmpty() || running.get().status() != RunningDeadline.Status.OPEN) {
            log.info("Process instance {}: no open {} of a caller to pause", execution.getProcessInstanceId(),
                    entryId);
            return Optional.empty();
        }
        deadlines.pause(holder.get(), entryId, reason);
        return holder;
    }

    /**
     * Restarts the caller's clock once the engine's transaction has committed. Resuming re-activates the caller's
     * suspended timers and moves them; inside one engine command Camunda flushes the (bulk) activation before the
     * timer's own update and fails it as a concurrent change, so it runs in a transaction of its own. Should that
     * fail, the clock stays paused where supervisors see it, and the case record says so; {@code after} says when in
     * the record (公告送达期满后, 听证结束后).
     */
    public void resumeAfterCommit(long caseId, String holderProcessInstanceId, String entryId, String after) {
        Runnable resume = () -> {
            try {
                newTransaction.executeWithoutResult(status -> deadlines.find(holderProcessInstanceId, entryId)
                        .filter(d -> d.status() == RunningDeadline.Status.PAUSED)
                        .ifPresent(d -> deadlines.resume(holderProcessInstanceId, entryId)));
            } catch (RuntimeException failed) {
                log.error("Case {}: {} of process instance {} could not be resumed ({})", caseId, entryId,
                        holderProcessInstanceId, after, failed);
                caseRecord.appendInNewTransaction(caseId, "system", "CALLER_CLOCK_NOT_RESUMED",
                        after + "未能恢复计算" + deadlines.catalogue().entry(entryId).name() + "，请联系管理员",
                        Map.of("processInstanceId", holderProcessInstanceId, "entry", entryId));
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

    private Optional<String> holderOf(DelegateExecution execution, String entryId) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        while (caller != null) {
            String processInstanceId = caller.getProcessInstanceId();
            if (deadlines.find(processInstanceId, entryId).isPresent()) {
                return Optional.of(processInstanceId);
            }
            caller = caller.getProcessInstance().getSuperExecution();
        }
        return Optional.empty();
    }
}
