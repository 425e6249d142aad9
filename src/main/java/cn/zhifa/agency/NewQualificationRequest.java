package cn.zhifa.agency;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A reviewer's legal qualification (法律职业资格): the certificate number and the date it was obtained. */
record NewQualificationRequest(
        @NotBlank(message = "请填写法律职业资格证书编号")
        @Size(max = 64, message = "法律职业资格证书编号不得超过64个字符")
        @WellFormedText String qualificationNo,
        @NotNull(message = "请填写法律职业资格取得日期") LocalDate obtainedOn) {
}
