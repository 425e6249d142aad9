package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.APPLIED_LAW;
import static cn.zhifa.review.LegalReviewVariables.BASIC_FACTS;
import static cn.zhifa.review.LegalReviewVariables.DISCRETION;
import static cn.zhifa.review.LegalReviewVariables.DRAFT_DECISION;
import static cn.zhifa.review.LegalReviewVariables.EVIDENCE_LIST;
import static cn.zhifa.review.LegalReviewVariables.HEARING_ASSESSMENT;
import static cn.zhifa.review.LegalReviewVariables.INVESTIGATION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a complete submission (送审材料, seed 003 L110) contains; an incomplete one cannot be sent. */
final class SubmissionRules {

    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put(BASIC_FACTS, "基本事实");
        REQUIRED.put(APPLIED_LAW, "适用法律、法规、规章的情况");
        REQUIRED.put(DISCRETION, "行政裁量基准的运用情况");
        REQUIRED.put(INVESTIGATION, "调查取证情况");
        REQUIRED.put(HEARING_ASSESSMENT, "听证、评估、鉴定情况");
        REQUIRED.put(DRAFT_DECISION, "执法决定书代拟稿");
        REQUIRED.put(EVIDENCE_LIST, "证据材料清单");
    }

    private SubmissionRules() {
    }

    /** The Chinese names of what is missing, in the order of the form. */
    static List<String> missing(Function<String, Object> variables) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((variable, label) -> {
            if (isBlank(variables.apply(variable))) {
                missing.add(label);
            }
        });
        return missing;
    }

    static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
