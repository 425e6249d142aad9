package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Server-side check of every document-service form on completion, and what a completion establishes: who chose the
 * method, what the attempt came to. The choice of a method is refused when its conditions are missing: electronic
 * service without the party's written consent naming the address (行政处罚法 第六十一条第二款), announcement without a
 * recorded failure or an unknown whereabouts (民事诉讼法 第九十五条), post or entrustment without the difficulty of
 * direct service (第九十一条), forwarding outside the cases of 第九十二条、第九十三条.
 */
@Component("serviceFormTaskListener")
class ServiceFormTaskListener implements TaskListener {

    static final String CHOOSE_METHOD = "Task_ChooseServiceMethod";
    static final String SERVE_DIRECTLY = "Task_ServeDirectly";
    static final String SERVE_ELECTRONICALLY = "Task_ServeElectronically";
    static final String SERVE_BY_POST = "Task_ServeByPost";
    static final String SERVE_THROUGH_INTERMEDIARY = "Task_ServeThroughIntermediary";
    static final String PUBLISH_ANNOUNCEMENT = "Task_PublishAnnouncement";
    static final String SUPERVISE_OVERDUE = "Task_SuperviseOverdueService";

    private static final Set<String> CHOOSABLE = Arrays.stream(ServiceMethod.values()).filter(ServiceMethod::choosable)
            .map(ServiceMethod::name).collect(Collectors.toUnmodifiableSet());

    private final ServiceRefusals refusals;
    private final CaseAttachments attachments;

    ServiceFormTaskListener(ServiceRefusals refusals, CaseAttachments attachments) {
        this.refusals = refusals;
        this.attachments = attachments;
    }

    @Override
    public void notify(DelegateTask task) {
        ServiceForm form = new ServiceForm(task, TaskActors.actorOf(task), refusals, attachments);
        switch (task.getTaskDefinitionKey()) {
            case CHOOSE_METHOD -> choose(task, form);
            case SERVE_DIRECTLY -> AttemptForms.direct(form).writeTo(task, form.actor());
            case SERVE_ELECTRONICALLY -> AttemptForms.electronic(form).writeTo(task, form.actor());
            case SERVE_BY_POST -> AttemptForms.post(form).writeTo(task, form.actor());
            case SERVE_THROUGH_INTERMEDIARY -> AttemptForms.intermediary(form).writeTo(task, form.actor());
            case PUBLISH_ANNOUNCEMENT -> {
                AttemptForms.announcement(form).writeTo(task, form.actor());
                task.setVariable(ANNOUNCEMENT_PERIOD_ENTRY,
                        "NO".equals(form.value(DOMICILE_IN_CHINA)) ? ANNOUNCEMENT_PERIOD_ABROAD : ANNOUNCEMENT_PERIOD);
            }
            case SUPERVISE_OVERDUE -> form.text(OVERDUE_INSTRUCTION, "督办意见");
            default -> throw new IllegalStateException("no form rules for " + task.getTaskDefinitionKey());
        }
    }

    private void choose(DelegateTask task, ServiceForm form) {
        ServiceMethod method = ServiceMethod.valueOf(form.choice(SERVICE_METHOD_CHOICE, "送达方式", CHOOSABLE));
        switch (method) {
            case DIRECT -> form.text(SERVICE_ADDRESS, "送达地址");
            case POST -> {
                form.text(SERVICE_ADDRESS, "邮寄地址");
                form.text(DIRECT_DIFFICULTY, "直接送达有困难的情形");
            }
            case ENTRUSTED -> {
                form.text(SERVICE_ADDRESS, "送达地址");
                form.text(DIRECT_DIFFICULTY, "直接送达有困难的情形");
                form.text(INTERMEDIARY_BODY, "受委托代为送达的机关");
            }
            case FORWARDED -> {
                form.choice(FORWARD_REASON, "转交的情形", Set.of("SOLDIER", "CUSTODY", "COMPULSORY_EDUCATION"));
                form.text(INTERMEDIARY_BODY, "代为转交的机关、单位");
                form.text(SERVICE_ADDRESS, "代为转交的机关、单位的地址");
            }
            case ELECTRONIC -> consent(form);
            case ANNOUNCEMENT -> announcementAllowed(task, form);
            default -> throw new IllegalStateException(method + " is not chosen");
        }
        task.setVariable(METHOD_CHOSEN_BY, form.actor());
    }

    /** The party agreed in writing, naming the address (送达地址确认书), before the message is sent. */
    private static void consent(ServiceForm form) {
        if (form.optionalText(CONSENT_ATTACHMENT_ID) == null || form.optionalText(ELECTRONIC_ADDRESS) == null) {
            throw form.refuse("ELECTRONIC_WITHOUT_CONSENT",
                    "电子送达须经受送达人同意并签署送达地址确认书：请上传确认书并填写其中载明的电子送达地址");
        }
        form.attachment(CONSENT_ATTACHMENT_ID, "送达地址确认书（附件编号）");
        LocalDate signed = form.day(CONSENT_SIGNED_ON, "送达地址确认书的签署日期");
        if (signed.isAfter(EngineClock.today())) {
            throw form.refuse("SERVICE_DATE_IN_FUTURE", "送达地址确认书的签署日期不能晚于今天");
        }
        form.choice(ELECTRONIC_CHANNEL, "电子送达的方式", AttemptForms.CHANNELS.keySet());
    }

    /** Only when the whereabouts are unknown or another method failed, with the reason written down. */
    private static void announcementAllowed(DelegateTask task, ServiceForm form) {
        int failed = ((Number) task.getVariable(FAILED_ATTEMPTS)).intValue();
        if (failed == 0 && !form.flag(WHEREABOUTS_UNKNOWN)) {
            throw form.refuse("ANNOUNCEMENT_WITHOUT_FAILURE",
                    "公告送达只能在受送达人下落不明，或者用其他方式无法送达时采用：本次送达尚无未能送达的记录，也未登记受送达人下落不明");
        }
        form.text(ANNOUNCEMENT_REASON, "公告送达的原因和经过");
    }
}
