package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnforcementCertificateTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2027, 12, 31);

    static EnforcementCertificate certificate(CertificateStatus status) {
        return new EnforcementCertificate("officer", "ZF-1", "某省人民政府", "市场监管", FROM, TO, status);
    }

    @Test
    void shouldBeValidOnlyWithStatusValidAndWithinItsDates() {
        assertThat(certificate(CertificateStatus.VALID).isValidOn(FROM)).isTrue();
        assertThat(certificate(CertificateStatus.VALID).isValidOn(TO)).isTrue();
        assertThat(certificate(CertificateStatus.VALID).isValidOn(FROM.minusDays(1))).isFalse();
        assertThat(certificate(CertificateStatus.VALID).isValidOn(TO.plusDays(1))).isFalse();
    }

    @Test
    void shouldNeverBeValidWhenSuspendedOrRevokedThoughItsDatesRun() {
        // 暂扣 and 注销/吊销: the holder may not act, whatever the dates say
        assertThat(certificate(CertificateStatus.SUSPENDED).isValidOn(FROM.plusDays(10))).isFalse();
        assertThat(certificate(CertificateStatus.REVOKED).isValidOn(FROM.plusDays(10))).isFalse();
    }
}
