package cn.zhifa.documents;

import static cn.zhifa.casefile.CaseStage.*;
import static cn.zhifa.documents.DocumentAuthoring.Author.*;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may author which document, at which stage of the case: one rule per {@link DocumentType}, always relative to the
 * case (its officers, its agency's legal unit and heads), never to a demo group. The table is the one in
 * {@code docs/case-register.md}; processes author through the same rule (the legal review generates its opinion as the
 * reviewer who accepted the case).
 */
@Component
class DocumentAuthoring {

    /** The kinds of author, each relative to the case. */
    enum Author {
        /** An officer on the case holding a valid enforcement certificate today (行政处罚法 第四十二条). */
        HANDLING_OFFICER("本案的办案人员（持有效执法证）"),
        /** A member of the case's agency's legal unit with a legal qualification, not on the case (第五十八条, 办审分离). */
        LEGAL_REVIEWER("本机关法制审核机构中取得法律职业资格且未参与本案办理的人员"),
        /** A head (负责人) of the case's agency. */
        AGENCY_HEAD("本机关负责人"),
        /** A hearing host of the case's agency who did not investigate the case (第六十四条第四项). */
        HEARING_HOST("本机关未参与本案调查的听证主持人");

        private final String chineseName;

        Author(String chineseName) {
            this.chineseName = chineseName;
        }
    }

    /** Who may author, at which stages, and which field carries the author's own name (filled, never sent). */
    record Rule(Set<Author> authors, Set<CaseStage> stages, String authorNameField) {
    }

    static final Map<DocumentType, Rule> RULES;

    static {
        Map<DocumentType, Rule> rules = new EnumMap<>(DocumentType.class);
        rules.put(DocumentType.CASE_FILING_APPROVAL, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(CLUE, FILED)));
        rules.put(DocumentType.CASE_NOT_FILED_APPROVAL, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(CLUE)));
        rules.put(DocumentType.SEIZURE_DECISION, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(INVESTIGATION)));
        rules.put(DocumentType.SEIZURE_EXTENSION_NOTICE, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(INVESTIGATION)));
        rules.put(DocumentType.SEIZURE_RELEASE, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(INVESTIGATION)));
        rules.put(DocumentType.PENALTY_NOTICE, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(NOTIFICATION)));
        rules.put(DocumentType.HEARING_NOTICE, rule(EnumSet.of(HANDLING_OFFICER, HEARING_HOST),
                EnumSet.of(NOTIFICATION, HEARING)));
        rules.put(DocumentType.HEARING_REFUSAL_NOTICE, rule(EnumSet.of(AGENCY_HEAD), EnumSet.of(NOTIFICATION, HEARING)));
        rules.put(DocumentType.HEARING_TRANSCRIPT, new Rule(EnumSet.of(HEARING_HOST), EnumSet.of(HEARING),
                "hearingHost"));
        rules.put(DocumentType.HEARING_REPORT, new Rule(EnumSet.of(HEARING_HOST), EnumSet.of(HEARING), "hearingHost"));
        rules.put(DocumentType.LEGAL_REVIEW_OPINION, new Rule(EnumSet.of(LEGAL_REVIEWER), EnumSet.of(LEGAL_REVIEW),
                "reviewer"));
        // the decision period may need a further extension (SAMR 第六十四条) while the case is still investigated
        rules.put(DocumentType.COLLECTIVE_DISCUSSION, rule(EnumSet.of(AGENCY_HEAD),
                EnumSet.of(FILED, INVESTIGATION, LEGAL_REVIEW, NOTIFICATION, HEARING, DECISION)));
        rules.put(DocumentType.PENALTY_DECISION, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(DECISION)));
        rules.put(DocumentType.ON_THE_SPOT_DECISION, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(DECISION)));
        rules.put(DocumentType.NO_PENALTY_DECISION, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(DECISION)));
        rules.put(DocumentType.SERVICE_RECEIPT, rule(EnumSet.of(HANDLING_OFFICER),
                EnumSet.of(FILED, INVESTIGATION, NOTIFICATION, HEARING, DECISION, SERVICE, EXECUTION)));
        rules.put(DocumentType.DEMAND_NOTICE, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(EXECUTION)));
        rules.put(DocumentType.COURT_ENFORCEMENT_APPLICATION, rule(EnumSet.of(HANDLING_OFFICER), EnumSet.of(EXECUTION)));
        rules.put(DocumentType.CASE_CLOSING_APPROVAL, rule(EnumSet.of(HANDLING_OFFICER),
                EnumSet.of(SERVICE, EXECUTION, DISCLOSURE, TRANSFERRED, WITHDRAWN)));
        RULES = Collections.unmodifiableMap(rules);
    }

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final Clock clock;

    DocumentAuthoring(CaseRegister cases, StaffDirectory staff, Clock clock) {
        this.cases = cases;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Refuses an author the rule does not name (403 {@code DOCUMENT_AUTHOR_NOT_ALLOWED}) or a stage the rule does not
     * list (422 {@code DOCUMENT_STAGE_NOT_ALLOWED}); returns the rule.
     */
    Rule check(CaseDetail detail, DocumentType type, String userId) {
        Rule rule = RULES.get(type);
        if (rule.authors().stream().noneMatch(author -> qualifies(author, detail, userId))) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "DOCUMENT_AUTHOR_NOT_ALLOWED",
                    "《" + type.chineseName() + "》只能由" + names(rule.authors()) + "制作，"
                            + staff.displayName(userId) + "不符合条件");
        }
        if (!rule.stages().contains(detail.stage())) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DOCUMENT_STAGE_NOT_ALLOWED",
                    "《" + type.chineseName() + "》只能在" + rule.stages().stream().map(CaseStage::chineseName)
                            .collect(Collectors.joining("、")) + "阶段制作，本案当前处于"
                            + detail.stage().chineseName() + "阶段");
        }
        return rule;
    }

    private boolean qualifies(Author author, CaseDetail detail, String userId) {
        if (userId == null) {
            return false;
        }
        boolean onCase = cases.isOfficerOnCase(detail.id(), userId);
        return switch (author) {
            case HANDLING_OFFICER -> onCase && staff.validCertificate(userId, LocalDate.now(clock)).isPresent();
            case LEGAL_REVIEWER -> !onCase && staff.isInLegalUnitOf(detail.agencyId(), userId)
                    && staff.hasLegalQualification(userId);
            case AGENCY_HEAD -> staff.isHeadOf(detail.agencyId(), userId);
            case HEARING_HOST -> !onCase && staff.isMember(userId, Roles.HEARING_HOST)
                    && Objects.equals(staff.agencyOf(userId).orElse(null), detail.agencyId());
        };
    }

    private static Rule rule(Set<Author> authors, Set<CaseStage> stages) {
        return new Rule(authors, stages, null);
    }

    private static String names(Set<Author> authors) {
        return authors.stream().map(a -> a.chineseName).collect(Collectors.joining("或"));
    }
}
