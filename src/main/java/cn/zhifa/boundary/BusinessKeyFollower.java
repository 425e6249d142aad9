package cn.zhifa.boundary;

import cn.zhifa.casefile.CaseNumbered;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A proceeding's business key is how people name its case (the registration number 登记号12 before filing, then the
 * case number); when the case is numbered, every proceeding still running for it takes the number. Runs inside the
 * numbering transaction, and inside the engine's command when a process numbers the case (the engine reuses that
 * command's context, so the instance it is executing is renamed in place), so a rolled-back filing keeps the old keys.
 * The engine's public API has no call to change a business key; the process instance's own setter also writes history.
 */
@Component
class BusinessKeyFollower {

    private static final Logger log = LoggerFactory.getLogger(BusinessKeyFollower.class);

    private final Proceedings proceedings;
    private final ProcessEngine engine;

    BusinessKeyFollower(Proceedings proceedings, ProcessEngine engine) {
        this.proceedings = proceedings;
        this.engine = engine;
    }

    @EventListener
    void onNumbered(CaseNumbered numbered) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (String processInstanceId : proceedings.runningOf(numbered.caseId())) {
            boolean renamed = configuration.getCommandExecutorTxRequired().execute(context -> {
                ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
                if (instance == null) {
                    return false; // deleted without its end listeners: nothing to rename
                }
                instance.setProcessBusinessKey(numbered.caseNo());
                return true;
            });
            if (renamed) {
                log.info("Process instance {} of case {} now has business key {}", processInstanceId,
                        numbered.caseId(), numbered.caseNo());
            }
        }
    }
}
