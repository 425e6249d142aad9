package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.Attachment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of each method's form (民事诉讼法 第八十八条至第九十五条; 市场监督管理行政处罚程序规定 第八十二条): who may sign
 * for the recipient, 留置 only with witnesses or a recording, electronic service only after the written consent,
 * post dated by the return receipt (a receipt signed on a holiday keeps its date), announcement with the posting
 * recorded. Each answers the {@link Attempt} its form established.
 */
final class AttemptForms {

    /** Who signed for the recipient, and for which kind of recipient he may (民事诉讼法 第八十八条). */
    enum Signatory {
        RECIPIENT("受送达人本人", Set.of(PartyKind.INDIVIDUAL)),
        FAMILY("同住成年家属", Set.of(PartyKind.INDIVIDUAL)),
        REPRESENTATIVE("法定代表人或者主要负责人", Set.of(PartyKind.ORGANISATION)),
        RECEPTION("负责收件的人", Set.of(PartyKind.ORGANISATION)),
        AGENT("代理人", Set.of(PartyKind.INDIVIDUAL, PartyKind.ORGANISATION)),
        DESIGNATED("指定的代收人", Set.of(PartyKind.INDIVIDUAL, PartyKind.ORGANISATION));

        final String chineseName;
        final Set<PartyKind> kinds;

        Signatory(String chineseName, Set<PartyKind> kinds) {
            this.chineseName = chineseName;
            this.kinds = kinds;
        }
    }

    static final Map<String, String> CHANNELS = Map.of("SMS", "手机短信", "FAX", "传真", "EMAIL", "电子邮件",
            "INSTANT_MESSAGING", "即时通讯账号");

    private AttemptForms() {
    }

    static Attempt direct(ServiceForm form) {
        return switch (form.choice(DIRECT_OUTCOME, "送达结果", Set.of("SIGNED", "REFUSED", "FAILED"))) {
            case "SIGNED" -> signed(form);
            case "REFUSED" -> leftAtResidence(form);
            default -> failed(form, ServiceMethod.DIRECT, "未能送达的原因", "前往送达的日期");
        };
    }

    private static Attempt signed(ServiceForm form) {
        Signatory signatory = Signatory.valueOf(form.choice(SIGNATORY_ROLE, "签收人身份",
                Set.of("RECIPIENT", "FAMILY", "REPRESENTATIVE", "RECEPTION", "AGENT", "DESIGNATED")));
        PartyKind kind = PartyKind.valueOf((String) form.value(RECIPIENT_KIND));
        if (!signatory.kinds.contains(kind)) {
            throw form.refuse("SIGNATORY_NOT_ALLOWED", kind == PartyKind.INDIVIDUAL
                    ? "受送达人是公民的，应当由本人签收；本人不在的，交其同住成年家属签收（也可由其代理人或者指定的代收人签收）"
                    : "受送达人是法人或者其他组织的，应当由法定代表人、主要负责人或者负责收件的人签收（也可由其代理人或者指定的代收人签收）");
        }
        String name = form.text(SIGNATORY_NAME, "签收人姓名");
        LocalDate day = form.pastDay(SIGNED_ON, "送达回证上注明的签收日期");
        Attachment receipt = form.attachment(SIGNED_RECEIPT_ATTACHMENT_ID, "签收的送达回证（扫描件附件编号）");
        return new Attempt(ServiceMethod.DIRECT, Attempt.SERVED, day,
                "签收人：" + name + "（" + signatory.chineseName + "）", List.of(receipt));
    }

    /** 民事诉讼法 第八十九条: the refusal noted, and witnesses on the receipt or a photo/video record of the leaving. */
    private static Attempt leftAtResidence(ServiceForm form) {
        String reason = form.text(REFUSAL_REASON, "拒收事由");
        LocalDate day = form.pastDay(LEFT_ON, "留置日期");
        String witnesses = form.optionalText(WITNESSES);
        Optional<Attachment> recording = form.optionalAudioVideo(LEAVING_RECORDING_ATTACHMENT_ID, "留置过程的音像记录");
        if (witnesses == null && recording.isEmpty()) {
            throw form.refuse("LEAVING_WITHOUT_WITNESS_OR_RECORDING",
                    "留置送达须邀请有关基层组织或者所在单位的代表到场见证，或者采用拍照、录像等方式记录留置过程：请填写见证人或者上传音像记录");
        }
        List<Attachment> evidence = new ArrayList<>();
        if (witnesses != null) {
            evidence.add(form.attachment(REFUSAL_RECEIPT_ATTACHMENT_ID, "载明拒收事由、由送达人和见证人签名的送达回证（附件编号）"));
        } else {
            form.optionalAttachment(REFUSAL_RECEIPT_ATTACHMENT_ID, "载明拒收事由的送达回证").ifPresent(evidence::add);
        }
        recording.ifPresent(evidence::add);
        return new Attempt(ServiceMethod.LEFT_AT_RESIDENCE, Attempt.SERVED, day, "拒收事由：" + reason
                + (witnesses == null ? "" : "；见证人：" + witnesses) + (recording.isEmpty() ? "" : "；留置过程有音像记录"),
                evidence);
    }

    /** 民事诉讼法 第九十条: the date the message reaches the recipient's system, after his consent. */
    static Attempt electronic(ServiceForm form) {
        if (form.choice(ELECTRONIC_OUTCOME, "送达结果", Set.of("DELIVERED", "FAILED")).equals("FAILED")) {
            return failed(form, ServiceMethod.ELECTRONIC, "发送失败的原因", "发送日期");
        }
        LocalDate consented = form.day(CONSENT_SIGNED_ON, "送达地址确认书的签署日期");
        LocalDate day = form.pastDay(ARRIVED_ON, "到达受送达人特定系统的日期");
        if (day.isBefore(consented)) {
            throw form.refuse("ELECTRONIC_BEFORE_CONSENT",
                    "电子送达须经受送达人事先同意：到达日期早于送达地址确认书的签署日期（" + consented + "）");
        }
        Attachment evidence = form.attachment(EVIDENCE_ATTACHMENT_ID, "送达过程的记录（截屏、系统日志等，附件编号）");
        Attachment consent = form.attachment(CONSENT_ATTACHMENT_ID, "送达地址确认书");
        String channel = CHANNELS.getOrDefault(String.valueOf(form.value(ELECTRONIC_CHANNEL)), "电子方式");
        return new Attempt(ServiceMethod.ELECTRONIC, Attempt.SERVED, day,
                "以" + channel + "送达至" + form.value(ELECTRONIC_ADDRESS), List.of(evidence, consent));
    }

    /** 民事诉讼法 第九十一条: the date of receipt noted on the return receipt, whatever day of the week it is. */
    static Attempt post(ServiceForm form) {
        String tracking = form.text(TRACKING_NUMBER, "邮件号");
        LocalDate posted = form.pastDay(POSTED_ON, "交邮日期");
        if (form.choice(POST_OUTCOME, "邮寄结果", Set.of("RECEIVED", "RETURNED")).equals("RETURNED")) {
            Attempt returned = failed(form, ServiceMethod.POST, "退回原因", "退回日期");
            return new Attempt(ServiceMethod.POST, Attempt.FAILED, returned.date(),
                    "邮件" + tracking + "被退回：" + returned.note(), List.of());
        }
        LocalDate day = form.pastDay(RECEIVED_ON, "回执上注明的收件日期");
        if (day.isBefore(posted)) {
            throw form.refuse("POST_RECEIVED_BEFORE_POSTED", "回执上注明的收件日期不能早于交邮日期（" + posted + "）");
        }
        Attachment receipt = form.attachment(RETURN_RECEIPT_ATTACHMENT_ID, "邮件回执（附件编号）");
        return new Attempt(ServiceMethod.POST, Attempt.SERVED, day, "邮件" + tracking + "，" + posted + "交邮",
                List.of(receipt));
    }

    /** 民事诉讼法 第九十一条至第九十四条: served on the day the recipient signs the receipt the body returns. */
    static Attempt intermediary(ServiceForm form) {
        ServiceMethod method = ServiceMethod.valueOf((String) form.value(SERVICE_METHOD_CHOICE));
        String body = String.valueOf(form.value(INTERMEDIARY_BODY));
        if (form.choice(INTERMEDIARY_OUTCOME, "送达结果", Set.of("SIGNED", "FAILED")).equals("FAILED")) {
            Attempt failed = failed(form, method, "未能送达的原因", "该机关告知未能送达的日期");
            return new Attempt(method, Attempt.FAILED, failed.date(), body + "：" + failed.note(), List.of());
        }
        LocalDate day = form.pastDay(SIGNED_ON, "受送达人在送达回证上的签收日期");
        Attachment receipt = form.attachment(SIGNED_RECEIPT_ATTACHMENT_ID, "受送达人签收、由该机关退回的送达回证");
        return new Attempt(method, Attempt.SERVED, day,
                (method == ServiceMethod.ENTRUSTED ? "委托" : "通过") + body + (method == ServiceMethod.ENTRUSTED
                        ? "代为送达" : "转交"), List.of(receipt));
    }

    /** 民事诉讼法 第九十五条; 市场监督管理行政处罚程序规定 第八十二条第五项: where and when published, the posting recorded. */
    static Attempt announcement(ServiceForm form) {
        List<String> channels = new ArrayList<>();
        boolean posted = false;
        if (form.flag(POSTED_ON_BOARD)) {
            channels.add("本机关公告栏张贴");
            posted = true;
        }
        if (form.flag(POSTED_AT_RESIDENCE)) {
            channels.add("受送达人住所地张贴");
            posted = true;
        }
        if (form.flag(PUBLISHED_IN_NEWSPAPER)) {
            channels.add("报纸刊登");
        }
        if (form.flag(PUBLISHED_ON_WEBSITE)) {
            channels.add("门户网站刊登");
        }
        if (channels.isEmpty()) {
            throw form.refuse("FIELD_REQUIRED", "请选择公告方式");
        }
        String place = form.text(ANNOUNCEMENT_PLACE, "公告张贴或者刊登的具体位置");
        LocalDate day = form.pastDay(PUBLISHED_ON, "发出公告的日期（最后张贴或者刊登之日）");
        Attachment text = form.attachment(ANNOUNCEMENT_ATTACHMENT_ID, "公告文本或者刊登页面（附件编号）");
        Optional<Attachment> posting = form.optionalAudioVideo(POSTING_RECORDING_ATTACHMENT_ID, "张贴过程的照片或者录像");
        if (posted && posting.isEmpty()) {
            throw form.refuse("ANNOUNCEMENT_POSTING_NOT_RECORDED", "在公告栏或者受送达人住所地张贴公告的，应当采取拍照、录像等方式记录张贴过程");
        }
        form.choice(DOMICILE_IN_CHINA, "受送达人在中华人民共和国领域内是否有住所", Set.of("YES", "NO"));
        List<Attachment> evidence = new ArrayList<>(List.of(text));
        posting.ifPresent(evidence::add);
        return new Attempt(ServiceMethod.ANNOUNCEMENT, Attempt.ANNOUNCED, day, "公告方式：" + String.join("、", channels)
                + "；位置：" + place + "；原因和经过：" + form.value(ANNOUNCEMENT_REASON), evidence);
    }

    private static Attempt failed(ServiceForm form, ServiceMethod method, String reasonLabel, String dayLabel) {
        String reason = form.text(FAILURE_REASON, reasonLabel);
        LocalDate day = form.pastDay(ATTEMPTED_ON, dayLabel);
        return new Attempt(method, Attempt.FAILED, day, reason, List.of());
    }
}
