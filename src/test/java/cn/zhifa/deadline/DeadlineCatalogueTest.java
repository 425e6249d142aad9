package cn.zhifa.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.calendar.PeriodUnit;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCatalogueTest {

    private final DeadlineCatalogue catalogue = DeadlineCatalogue.load("default");

    // 法制审核 3 working days, +2 with the agency head's approval, once (seeds 003 L110)
    @Test
    void shouldGiveLegalReviewThreePlusTwoWorkingDays() {
        DeadlineEntry review = catalogue.entry("LEGAL_REVIEW");
        assertThat(review.amount()).isEqualTo(3);
        assertThat(review.unit()).isEqualTo(PeriodUnit.WORKING_DAYS);
        assertThat(review.clockStart().variable()).isEqualTo("materialsReceivedAt");
        assertThat(review.clockStart().event()).isEqualTo("收到完整审核材料之日");
        assertThat(review.extension()).isEqualTo(new DeadlineEntry.Extension(2, "agency-head", 1));
        assertThat(review.reminder()).isEqualTo(new DeadlineEntry.Reminder(1, LocalTime.of(9, 0)));
        assertThat(review.escalation()).isTrue();
        assertThat(review.partyFavourable()).isFalse();
    }

    // SAMR rules Art. 55: 10 working days, selectable with zhifa.deadline.rule-set=samr
    @Test
    void shouldGiveLegalReviewTenWorkingDaysUnderTheSamrRuleSet() {
        DeadlineCatalogue samr = DeadlineCatalogue.load("samr");
        assertThat(samr.ruleSet()).isEqualTo("samr");
        assertThat(samr.entry("LEGAL_REVIEW").amount()).isEqualTo(10);
        assertThat(samr.entry("STATEMENT_DEFENCE").amount()).isEqualTo(5);
        assertThat(samr.entries()).hasSameSizeAs(catalogue.entries());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "FILING_DECISION, 15, WORKING_DAYS, false, 15",
            "EVIDENCE_PRESERVATION, 7, WORKING_DAYS, false, 0",
            "STATEMENT_DEFENCE, 5, WORKING_DAYS, true, 0",
            "HEARING_REQUEST, 5, WORKING_DAYS, true, 0",
            "HEARING_NOTICE, 7, WORKING_DAYS, false, 0",
            "DECISION, 90, CALENDAR_DAYS, false, 30",
            "DECISION_SERVICE, 7, WORKING_DAYS, false, 0",
            "PAYMENT, 15, CALENDAR_DAYS, true, 0",
            "FINE_HAND_IN, 2, WORKING_DAYS, false, 0",
            "FINE_DEPOSIT, 2, WORKING_DAYS, false, 0",
            "SIMPLE_PROCEDURE_FILING, 7, WORKING_DAYS, false, 0",
            "DUNNING, 10, WORKING_DAYS, true, 0",
            "COURT_ENFORCEMENT, 3, MONTHS, false, 0",
            "SURCHARGE_ENFORCEMENT, 30, CALENDAR_DAYS, true, 0",
            "REMEDY_PERIODS, 6, MONTHS, true, 0",
            "ANNOUNCEMENT_SERVICE, 30, CALENDAR_DAYS, false, 0",
            "ANNOUNCEMENT_SERVICE_ABROAD, 60, CALENDAR_DAYS, false, 0",
            "DISCLOSURE_PENALTY_LICENSING, 7, WORKING_DAYS, false, 0",
            "DISCLOSURE_OTHER, 20, WORKING_DAYS, false, 0",
            "DISCLOSURE_WITHDRAWAL, 2, WORKING_DAYS, false, 0",
            "CASE_CLOSING, 15, WORKING_DAYS, false, 0",
            "ARCHIVING, 30, CALENDAR_DAYS, false, 0",
            "AV_RECORD_STORAGE, 24, HOURS, false, 0",
    })
    void shouldListEveryPeriodTheProcessesNeed(String id, int amount, PeriodUnit unit, boolean party, int extension) {
        DeadlineEntry entry = catalogue.entry(id);
        assertThat(entry.amount()).isEqualTo(amount);
        assertThat(entry.unit()).isEqualTo(unit);
        assertThat(entry.partyFavourable()).isEqualTo(party);
        assertThat(entry.extension() == null ? 0 : entry.extension().amount()).isEqualTo(extension);
        assertThat(entry.name()).containsPattern("\\p{IsHan}");
        assertThat(entry.legalBasis()).containsPattern("\\p{IsHan}");
        assertThat(entry.clockStart().event()).containsPattern("\\p{IsHan}");
        assertThat(entry.clockStart().variable()).matches("[a-z][A-Za-z]+");
    }

    @Test
    void shouldPauseOnlyTheClocksTheRulesLetStandStill() {
        assertThat(catalogue.entries()).filteredOn(DeadlineEntry::pausable).extracting(DeadlineEntry::id)
                .containsExactlyInAnyOrder("DECISION", "FILING_DECISION");
    }

    @Test
    void shouldRefuseAnUnknownEntryAndAnUnknownRuleSet() {
        assertThatThrownBy(() -> catalogue.entry("NO_SUCH")).hasFieldOrPropertyWithValue("code", "DEADLINE_UNKNOWN");
        assertThatThrownBy(() -> DeadlineCatalogue.load("mee")).isInstanceOf(IllegalStateException.class);
    }
}
