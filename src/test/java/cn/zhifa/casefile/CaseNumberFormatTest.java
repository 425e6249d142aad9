package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumberFormatTest {

    @Test
    void shouldFormatTheDefaultNumber() {
        assertThat(CaseNumbering.format(CasefileProperties.DEFAULT_NUMBER_FORMAT, "某县市监处罚", "agency-amr", 2026, 12))
                .isEqualTo("某县市监处罚〔2026〕12号");
    }

    @Test
    void shouldPadTheSequenceAndNameTheAgencyWhenConfigured() {
        assertThat(CaseNumbering.format("{agency}-{year}-{seq:4}", null, "agency-amr", 2025, 7))
                .isEqualTo("agency-amr-2025-0007");
    }

    @Test
    void shouldFallBackToTheDefaultFormatWhenNoneIsConfigured() {
        assertThat(new CasefileProperties(" ").numberFormat()).isEqualTo(CasefileProperties.DEFAULT_NUMBER_FORMAT);
    }
}
