package cn.zhifa.agency;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new unit of an agency; its id is generated from the agency's id and the kind. */
record NewUnitRequest(
        @NotBlank(message = "请填写单位名称") @Size(max = 200, message = "单位名称不得超过200字") @WellFormedText String name,
        @NotNull(message = "请选择单位类型（承办机构、法制机构或局领导）") UnitKind kind) {
}
