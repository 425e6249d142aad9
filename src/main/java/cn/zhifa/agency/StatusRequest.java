package cn.zhifa.agency;

import cn.zhifa.identity.CertificateStatus;
import jakarta.validation.constraints.NotNull;

/** A certificate's or qualification's new status: 有效, 暂扣 (certificates only) or 注销/吊销. */
record StatusRequest(@NotNull(message = "请选择证件状态") CertificateStatus status) {
}
