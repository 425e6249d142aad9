package cn.zhifa.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The bare engine: a plain Camunda engine of its own in the same JVM, on its own database of the same kind, with
 * none of the project's plugins (the BoundaryPlugin adds listeners to every process it parses, so the baseline cannot
 * share the project's engine). Same history level (full), JDBC batching, id generator, authorization checks and job
 * executor settings as the project's engine; the project's models are deployed with their topology intact but every
 * listener removed, every delegate a no-op expression and the deadline expressions replaced by plain variables.
 */
final class BareEngine implements AutoCloseable {

    final ProcessEngine engine;
    final StatementCounter dataSource;
    private final HikariDataSource pool;

    BareEngine(String jdbcUrl, String user, String password, int poolSize, BenchSettings.JobExecutor jobs,
            boolean jobExecutorActive, List<CaseWorkload> workloads) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bare");
        pool = new HikariDataSource(config);
        dataSource = new StatementCounter(pool);
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setProcessEngineName("bare");
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        cfg.setJdbcBatchProcessing(true);
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setAuthorizationEnabled(true);
        cfg.setMetricsEnabled(true);
        cfg.setCmmnEnabled(false);
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(jobs.corePoolSize());
        executor.setMaxPoolSize(jobs.maxPoolSize());
        executor.setQueueSize(jobs.queueCapacity());
        executor.setMaxJobsPerAcquisition(jobs.maxJobsPerAcquisition());
        executor.setWaitTimeInMillis((int) jobs.waitTimeInMillis());
        executor.setMaxWait(jobs.maxWait());
        executor.setLockTimeInMillis(jobs.lockTimeInMillis());
        cfg.setJobExecutor(executor);
        cfg.setJobExecutorActivate(jobExecutorActive);
        engine = cfg.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare");
        for (CaseWorkload workload : workloads) {
            deployment.addModelInstance(workload.processKey() + ".bpmn", bare(workload));
        }
        deployment.deploy();
        grantEveryone(engine.getAuthorizationService());
    }

    /** Authorization stays on, as in the project; every user may do everything, so each check passes. */
    private static void grantEveryone(AuthorizationService authorizations) {
        for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
                Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE)) {
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            all.setUserId(Authorization.ANY);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(all);
        }
    }

    /** The workload's model with the project stripped out: same elements and flows, nothing of ours runs. */
    static BpmnModelInstance bare(CaseWorkload workload) {
        BpmnModelInstance model;
        try (InputStream in = BareEngine.class.getClassLoader().getResourceAsStream(workload.processResource())) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<ModelElementInstance> strip = new ArrayList<>();
        strip.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        strip.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        strip.addAll(model.getModelElementsByType(CamundaProperties.class));
        strip.forEach(e -> e.getParentElement().removeChildElement(e));
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "class");
            task.setCamundaExpression("${true}");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            for (String attribute : List.of("dueDate", "followUpDate")) {
                String value = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", attribute);
                if (value != null && value.contains("deadlines.")) {
                    task.setAttributeValueNs("http://camunda.org/schema/1.0/bpmn", attribute, "${" + BenchVariables.DUE_AT + "}");
                }
            }
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
        }
        for (BaseElement start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
            start.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            start.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
        }
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            if (date.getTextContent().contains("remindAt")) {
                date.setTextContent("${" + BenchVariables.REMIND_AT + "}");
            } else {
                date.setTextContent("${" + BenchVariables.DUE_AT + "}");
            }
        }
        return model;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
