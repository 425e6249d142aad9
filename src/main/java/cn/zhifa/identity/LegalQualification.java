package cn.zhifa.identity;

import java.time.LocalDate;

/** A reviewer's legal qualification (法律职业资格): certificate number, the date obtained, and its status. */
public record LegalQualification(String userId, String qualificationNo, LocalDate obtainedOn,
        CertificateStatus status) {
}
