package cn.zhifa.agency;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new agency. Its id is short and readable because every unit id of the agency starts with it; the credit code's
 * check character is verified by {@link SetupChecks}.
 */
record NewAgencyRequest(
        @NotBlank(message = "请填写机构编码")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]", message = "机构编码应为2至32位小写英文字母、数字或连字符")
        @Size(max = 32, message = "机构编码不得超过32个字符") @WellFormedText String id,
        @NotBlank(message = "请填写机构名称") @Size(max = 200, message = "机构名称不得超过200字") @WellFormedText String name,
        @NotBlank(message = "请填写统一社会信用代码") @Size(max = 18, message = "统一社会信用代码应为18位") @WellFormedText String creditCode,
        @NotBlank(message = "请填写案件编号前缀") @Size(max = 50, message = "案件编号前缀不得超过50字")
        @WellFormedText String caseNumberPrefix) {
}
