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
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.SendTask;
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
 * executor settings as the project's engine; the project's models (each workload's procedure and the processes it
 * calls) are deployed with their topology intact but every listener removed, every delegate a no-op expression and
 * the deadline expressions replaced by plain variables. Camunda's Spin plugin is its only plugin (JSON variables).
 */
final class BareEngine implements AutoCloseable {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

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
        // Camunda's own JSON variables (the project keeps lists such as the investigators in them), nothing of ours
        cfg.setProcessEnginePlugins(new ArrayList<>(List.of(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin())));
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
        java.util.Set<String> deployed = new java.util.HashSet<>();
        for (CaseWorkload workload : workloads) {
            for (String resource : workload.processResources()) {
                if (deployed.add(resource)) {
                    deployment.addModelInstance(resource.substring(resource.lastIndexOf('/') + 1),
                            bare(resource, workload.bareStartVariables().keySet()));
                }
            }
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

    /**
     * A model with the project stripped out: same elements, flows, gateways, sub-processes, call activities (called
     * element and in/out mappings kept), timers and async continuations; nothing of ours runs. Listeners and
     * properties go; service and business rule tasks become the expression {@code ${true}} (the rule tasks call the
     * project's DMN through a delegate, so the decision tables are project cost); every timer date, due date and
     * follow-up date becomes a plain date variable; forms go. Each call activity also passes the bare start
     * variables on ({@code passOn}), as the project's listeners set the engine-owned ones in the called instance.
     */
    static BpmnModelInstance bare(String resource, java.util.Collection<String> passOn) {
        BpmnModelInstance model;
        try (InputStream in = BareEngine.class.getClassLoader().getResourceAsStream(resource)) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<ModelElementInstance> strip = new ArrayList<>();
        strip.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        strip.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        strip.addAll(model.getModelElementsByType(CamundaProperties.class));
        strip.forEach(e -> e.getParentElement().removeChildElement(e));
        for (Activity task : model.getModelElementsByType(Activity.class)) {
            if (task instanceof ServiceTask || task instanceof BusinessRuleTask || task instanceof SendTask) {
                task.removeAttributeNs(CAMUNDA, "delegateExpression");
                task.removeAttributeNs(CAMUNDA, "class");
                task.removeAttributeNs(CAMUNDA, "decisionRef");
                task.setAttributeValueNs(CAMUNDA, "expression", "${true}");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            // the catalogue's dates (deadlines.dueAt) and those our listeners computed from it (serviceDueAt, ...)
            for (String attribute : List.of("dueDate", "followUpDate")) {
                String value = task.getAttributeValueNs(CAMUNDA, attribute);
                if (value != null && value.contains("${")) {
                    task.setAttributeValueNs(CAMUNDA, attribute, "${" + BenchVariables.DUE_AT + "}");
                }
            }
            task.removeAttributeNs(CAMUNDA, "formRef");
            task.removeAttributeNs(CAMUNDA, "formRefBinding");
        }
        for (BaseElement start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
            start.removeAttributeNs(CAMUNDA, "formRef");
            start.removeAttributeNs(CAMUNDA, "formRefBinding");
        }
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            if (date.getTextContent().contains("remindAt")) {
                date.setTextContent("${" + BenchVariables.REMIND_AT + "}");
            } else {
                date.setTextContent("${" + BenchVariables.DUE_AT + "}");
            }
        }
        if (!model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeDuration.class).isEmpty()
                || !model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeCycle.class).isEmpty()) {
            throw new IllegalStateException(resource + ": a duration or cycle timer, which the bare topology does not"
                    + " derive yet (BareEngine.bare)");
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            for (String name : passOn) {
                call.builder().camundaIn(name, name);
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
