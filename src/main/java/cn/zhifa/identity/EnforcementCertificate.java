package cn.zhifa.identity;

import java.time.LocalDate;

/** An officer's enforcement certificate (执法证): number, issuer, enforcement field (执法领域), dates and status. */
public record EnforcementCertificate(String userId, String certificateNo, String issuer, String enforcementField,
        LocalDate validFrom, LocalDate validTo, CertificateStatus status) {

    /** Valid on that day: status 有效 and the day within its dates (a suspended or revoked one never is). */
    public boolean isValidOn(LocalDate day) {
        return status == CertificateStatus.VALID && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
