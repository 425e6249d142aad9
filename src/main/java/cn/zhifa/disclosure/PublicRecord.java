package cn.zhifa.disclosure;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A decision as the public reads it (执法机关、执法对象、执法类别、执法结论, the decision's number, filing date, facts,
 * basis, penalty and date), every text already redacted. {@code correctedAt} is set when a correction request was
 * granted; {@code supersedes} names the withdrawn record that a changed decision replaced. {@code fullText}: the
 * decision document's full text, redacted, where the agency's rules publish it (null otherwise);
 * {@code publicUntil}: the end of the publication term, after which the record is no longer public.
 */
public record PublicRecord(long id, String agencyName, String target, String category, String conclusion,
        String decisionNo, LocalDate filedOn, String facts, String basis, String penalty, LocalDate decidedOn,
        OffsetDateTime publishedAt, OffsetDateTime correctedAt, Long supersedes, String fullText,
        OffsetDateTime publicUntil) {

    /** The record as one text, the way the reviewer sees it before publication. */
    String asText() {
        StringBuilder text = new StringBuilder();
        line(text, "执法机关", agencyName);
        line(text, "执法对象", target);
        line(text, "执法类别", category);
        line(text, "执法结论", conclusion);
        line(text, "决定文书号", decisionNo);
        line(text, "立案时间", filedOn == null ? null : Dates.chinese(filedOn));
        line(text, "主要案由（违法事实）", facts);
        line(text, "依据", basis);
        line(text, "处罚内容", penalty);
        line(text, "作出决定日期", Dates.chinese(decidedOn));
        return text.toString().strip();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(label).append("：").append(value).append('\n');
        }
    }
}
