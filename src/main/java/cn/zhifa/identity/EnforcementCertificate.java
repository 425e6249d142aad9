package cn.zhifa.identity;

import java.time.LocalDate;

/** An officer's enforcement certificate (执法证). */
public record EnforcementCertificate(String userId, String certificateNo, String issuer, LocalDate validFrom,
        LocalDate validTo, boolean revoked) {

    public boolean isValidOn(LocalDate day) {
        return !revoked && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
