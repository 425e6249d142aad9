package cn.zhifa.penalty;

import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision period (期限目录 DECISION) standing still during testing, inspection, quarantine or appraisal
 * (市场监督管理行政处罚程序规定 第六十四条第二款) and running on with the days that were left.
 */
@Component
class DecisionClock {

    private static final Logger log = LoggerFactory.getLogger(DecisionClock.class);

    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final TransactionTemplate newTransaction;
    private final IdentityService identityService;

    DecisionClock(DeadlineService deadlines, CaseRecord caseRecord, PlatformTransactionManager transactions,
            IdentityService identityService) {
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.identityService = identityService;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void pause(String processInstanceId, String reason) {
        deadlines.pause(processInstanceId, PenaltyCaseVariables.DECISION_PERIOD, reason);
    }

    /**
     * Resumes once the engine's transaction has committed: resuming re-activates the suspended timers and moves them,
     * which Camunda fails as a concurrent change inside one command (see docs/document-service.md). Should it fail,
     * the clock stays paused where supervisors see it, and the case record says so. It runs as the engine, not as the
     * person whose completion ended the testing: moving the due date of a task is not a right a candidate has (the
     * engine's own code runs without authorization checks inside a command; after it, the person's login would apply).
     */
    void resumeAfterCommit(long caseId, String processInstanceId) {
        Runnable resume = () -> {
            Authentication person = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                newTransaction.executeWithoutResult(status -> deadlines
                        .find(processInstanceId, PenaltyCaseVariables.DECISION_PERIOD)
                        .filter(d -> d.status() == RunningDeadline.Status.PAUSED)
                        .ifPresent(d -> deadlines.resume(processInstanceId, PenaltyCaseVariables.DECISION_PERIOD)));
            } catch (RuntimeException failed) {
                log.error("Case {}: the decision period of process instance {} could not be resumed", caseId,
                        processInstanceId, failed);
                caseRecord.appendInNewTransaction(caseId, "system", "DECISION_CLOCK_NOT_RESUMED",
                        "检测、检验、检疫、鉴定结束后未能恢复计算办案期限，请联系管理员",
                        Map.of("processInstanceId", processInstanceId));
            } finally {
                if (person != null) {
                    identityService.setAuthentication(person);
                }
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
