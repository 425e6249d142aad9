package cn.zhifa.agency;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A new staff member: login id (Camunda's id pattern), 姓 and 名, unit, roles, and an initial password or none (then
 * one is generated and shown once).
 */
record NewStaffRequest(
        @NotBlank(message = "请填写用户名")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,63}",
                message = "用户名应为2至64位英文字母、数字、下划线或连字符，以字母或数字开头")
        @Size(max = 64) @WellFormedText String userId,
        @NotBlank(message = "请填写姓") @Size(max = 50, message = "姓不得超过50字") @WellFormedText String familyName,
        @NotBlank(message = "请填写名") @Size(max = 50, message = "名不得超过50字") @WellFormedText String givenName,
        @Email(message = "邮箱格式不正确") @Size(max = 255, message = "邮箱不得超过255个字符") @WellFormedText String email,
        @Size(max = 64) @WellFormedText String unitId,
        @NotEmpty(message = "请至少选择一个角色") @Size(max = 10) Set<@NotNull(message = "角色不能为空") AgencyRole> roles,
        @Size(min = 8, max = 64, message = "初始密码应为8至64个字符") @WellFormedText String initialPassword) {

    NewStaffRequest inUnit(String unit) {
        return new NewStaffRequest(userId, familyName, givenName, email, unit, roles, initialPassword);
    }
}
