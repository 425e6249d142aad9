package cn.zhifa.documents;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.Party;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.TextRules;
import cn.zhifa.system.ZhifaException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The text a template receives: what the case register owns (number, 案由, parties, agency, officers) and today's
 * date, which no caller may supply ({@link #REGISTER_OWNED}), then the caller's data for the rest. Every value becomes
 * text; dates are written the Chinese way (2026年3月5日). A value whose text is longer than
 * {@value #MAX_VALUE_LENGTH} characters, cannot be stored, or names a day that does not exist (2025-02-30) is refused
 * with 400, whether it comes from a request or from process variables.
 */
final class DocumentModel {

    static final ZoneId ZONE = EngineClock.ZONE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H时mm分");
    static final int MAX_VALUE_LENGTH = 10_000;

    /**
     * The fields the register (and the clock) fill, with the names a person reads; a caller's value for one of them is
     * refused by {@link DocumentService} and, should a caller get here with one, never merged.
     */
    static final Map<String, String> REGISTER_OWNED = Map.ofEntries(Map.entry("caseId", "案件登记号"),
            Map.entry("caseNo", "案件编号"), Map.entry("caseTitle", "案由"), Map.entry("caseKind", "案件类别"),
            Map.entry("agencyName", "行政机关名称"), Map.entry("handlingUnitName", "承办机构"),
            Map.entry("partyName", "当事人"), Map.entry("partyAddress", "当事人地址"),
            Map.entry("partyIdNumber", "当事人证件号码"), Map.entry("legalRepresentative", "法定代表人"),
            Map.entry("officerNames", "办案人员"), Map.entry("documentDate", "文书日期"));

    private DocumentModel() {
    }

    static Map<String, String> of(CaseDetail detail, Map<String, Object> data, LocalDate today) {
        Map<String, String> model = new LinkedHashMap<>();
        put(model, "caseId", String.valueOf(detail.id()));
        put(model, "caseNo", detail.caseNo());
        put(model, "caseTitle", detail.title());
        put(model, "caseKind", detail.kind().chineseName());
        put(model, "agencyName", detail.agencyName());
        put(model, "handlingUnitName", detail.handlingUnitName());
        List<Party> parties = detail.parties();
        put(model, "partyName", join(parties.stream().map(Party::name).toList(), "、"));
        put(model, "partyAddress", join(parties.stream().map(Party::address).toList(), "；"));
        put(model, "partyIdNumber", join(parties.stream().map(Party::idNumber).toList(), "、"));
        put(model, "legalRepresentative", join(parties.stream().map(Party::legalRepresentative).toList(), "、"));
        put(model, "officerNames", join(detail.officers().stream().map(CaseOfficer::name).toList(), "、"));
        put(model, "documentDate", DATE.format(today));
        if (data != null) {
            data.forEach((key, value) -> {
                String text = checkedText(key, value);
                if (key != null && !REGISTER_OWNED.containsKey(key) && text != null && !text.isBlank()) {
                    model.put(key, text);
                }
            });
        }
        return model;
    }

    private static String checkedText(String key, Object value) {
        String text;
        try {
            text = text(value);
        } catch (DateTimeParseException e) {
            throw bad("DOCUMENT_DATE_INVALID", "文书内容“" + key + "”的日期或时间不存在：" + e.getParsedString());
        }
        if (text != null && text.length() > MAX_VALUE_LENGTH) {
            throw bad("TEXT_TOO_LONG", "文书内容“" + key + "”不得超过" + MAX_VALUE_LENGTH + "个字符");
        }
        TextRules.problemOf(text, true).ifPresent(problem -> {
            throw bad("TEXT_MALFORMED", "文书内容“" + key + "”" + problem);
        });
        return text;
    }

    private static ZhifaException bad(String code, String message) {
        return new ZhifaException(HttpStatus.BAD_REQUEST, code, message);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
            Instant instant = Instant.from((TemporalAccessor) value);
            return DATE_TIME.format(instant.atZone(ZONE));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return join(items.stream().map(DocumentModel::text).toList(), "、");
        }
        String text = value.toString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DATE.format(LocalDate.parse(text));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            return DATE_TIME.format(LocalDateTime.parse(text));
        }
        return text;
    }

    private static void put(Map<String, String> model, String key, String value) {
        if (value != null && !value.isBlank()) {
            model.put(key, value);
        }
    }

    private static String join(List<String> values, String separator) {
        return values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank())
                .collect(Collectors.joining(separator));
    }
}
