package cn.zhifa.agency;

import cn.zhifa.system.WellFormedText;
import cn.zhifa.identity.CertificateStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An officer's enforcement certificate (执法证); without a status it is 有效. */
record NewCertificateRequest(
        @NotBlank(message = "请填写执法证号") @Size(max = 64, message = "执法证号不得超过64个字符") @WellFormedText String certificateNo,
        @NotBlank(message = "请填写执法领域") @Size(max = 100, message = "执法领域不得超过100字") @WellFormedText String enforcementField,
        @NotBlank(message = "请填写发证机关") @Size(max = 200, message = "发证机关不得超过200字") @WellFormedText String issuer,
        @NotNull(message = "请填写执法证有效期起始日") LocalDate validFrom,
        @NotNull(message = "请填写执法证有效期截止日") LocalDate validTo,
        CertificateStatus status) {

    CertificateStatus statusOrValid() {
        return status == null ? CertificateStatus.VALID : status;
    }
}
