package cn.zhifa.service;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.Attachment;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The submitted fields of one service form, read the way the server must check them (Camunda Forms validate in the
 * browser only, and the REST API skips them): required texts and choices, dates that lie neither in the future nor
 * before the document was made, and attachment ids that name an upload of this very case.
 */
final class ServiceForm {

    private final DelegateTask task;
    private final String actor;
    private final ServiceRefusals refusals;
    private final CaseAttachments attachments;

    ServiceForm(DelegateTask task, String actor, ServiceRefusals refusals, CaseAttachments attachments) {
        this.task = task;
        this.actor = actor;
        this.refusals = refusals;
        this.attachments = attachments;
    }

    String actor() {
        return actor;
    }

    Object value(String variable) {
        return task.getVariable(variable);
    }

    String text(String variable, String label) {
        String text = optionalText(variable);
        if (text == null) {
            throw refuse("FIELD_REQUIRED", "请填写" + label);
        }
        return text;
    }

    /** A filled-in text; a number field's whole number as its digits. */
    String optionalText(String variable) {
        Object value = task.getVariable(variable);
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            return String.valueOf(number.longValue());
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    String choice(String variable, String label, Set<String> allowed) {
        Object value = task.getVariable(variable);
        if (value == null || !allowed.contains(value.toString())) {
            throw refuse("FIELD_REQUIRED", "请选择" + label);
        }
        return value.toString();
    }

    boolean flag(String variable) {
        Object value = task.getVariable(variable);
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    /** A day that has happened: not after today, not before the served document was made. */
    LocalDate pastDay(String variable, String label) {
        LocalDate day = day(variable, label);
        if (day.isAfter(EngineClock.today())) {
            throw refuse("SERVICE_DATE_IN_FUTURE", label + "不能晚于今天");
        }
        LocalDate made = LocalDate.parse((String) task.getVariable(ServiceVariables.SERVICE_DOCUMENT_MADE_ON));
        if (day.isBefore(made)) {
            throw refuse("SERVICE_DATE_BEFORE_DOCUMENT", label + "不能早于文书制作日期（" + made + "）");
        }
        return day;
    }

    LocalDate day(String variable, String label) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw refuse("FIELD_REQUIRED", "请填写" + label);
        }
        try {
            if (value instanceof Date date) {
                return LocalDate.ofInstant(date.toInstant(), EngineClock.ZONE);
            }
            String text = value.toString().strip();
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (RuntimeException e) {
            throw refuse("FIELD_INVALID", label + "格式不正确，应为 YYYY-MM-DD");
        }
    }

    /** An upload of this case (POST /api/cases/{id}/attachments answers its id). */
    Attachment attachment(String variable, String label) {
        return optionalAttachment(variable, label).orElseThrow(() -> refuse("FIELD_REQUIRED", "请填写" + label));
    }

    Optional<Attachment> optionalAttachment(String variable, String label) {
        String id = optionalText(variable);
        if (id == null) {
            return Optional.empty();
        }
        long caseId = TaskActors.caseIdOf(task);
        Optional<Attachment> found = id.matches("\\d{1,18}") ? attachments.find(Long.parseLong(id)) : Optional.empty();
        return Optional.of(found.filter(a -> a.caseId() == caseId).orElseThrow(() -> refuse("ATTACHMENT_NOT_OF_CASE",
                label + "：附件编号" + id + "不是本案已上传的附件")));
    }

    /** A photo, sound or video record of the case with its five items (案件编号、采集时间、采集地点、采集人、证明对象). */
    Optional<Attachment> optionalAudioVideo(String variable, String label) {
        Optional<Attachment> record = optionalAttachment(variable, label);
        if (record.isPresent() && record.get().kind() != AttachmentKind.AUDIO_VIDEO) {
            throw refuse("ATTACHMENT_NOT_AUDIO_VIDEO", label + "须为上传时登记为音像记录的照片、录音或录像");
        }
        return record;
    }

    ServiceRefusedException refuse(String code, String message) {
        return refusals.refuse(task, actor, code, message);
    }
}
