package cn.zhifa.agency;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of the staff sheet (人员), one person a row, as the template writes them and the import reads them (by
 * header, in any order). A person's certificate and qualification sit on his row; units are named by the rows.
 */
enum ImportColumn {

    USER_ID("用户名", true, "登录用户名：2至64位英文字母、数字、下划线或连字符，如 zhangsan"),
    FAMILY_NAME("姓", true, "如：张"),
    GIVEN_NAME("名", true, "如：三"),
    UNIT("所属单位", false, "单位名称，如：执法一大队。本机构已有的单位按名称对应；没有的将新建（同一文件中同名即同一单位）"),
    UNIT_KIND("单位类型", false, "承办机构、法制机构或局领导；填写所属单位时必填"),
    ROLES("角色", true, "执法人员、法制审核人员、机关负责人、听证主持人、机构管理员，多个用顿号（、）分隔。"
            + "执法人员须属于承办机构，法制审核人员须属于法制机构，机关负责人须属于局领导"),
    EMAIL("邮箱", false, "可不填"),
    CERTIFICATE_NO("执法证号", false, "持行政执法证的人员填写；填写时，执法领域、发证机关、有效期起、有效期止必填"),
    ENFORCEMENT_FIELD("执法领域", false, "如：市场监管"),
    ISSUER("发证机关", false, "如：某省人民政府"),
    VALID_FROM("有效期起", false, "日期，如：2024-01-01"),
    VALID_TO("有效期止", false, "日期，如：2028-12-31"),
    CERTIFICATE_STATUS("证件状态", false, "有效、暂扣或注销（吊销）；不填为有效"),
    QUALIFICATION_NO("法律职业资格证号", false, "取得法律职业资格的人员（法制审核人员）填写；填写时资格取得日期必填"),
    OBTAINED_ON("资格取得日期", false, "日期，如：2019-09-30");

    static final String SHEET = "人员";

    private final String header;
    private final boolean required;
    private final String note;

    ImportColumn(String header, boolean required, String note) {
        this.header = header;
        this.required = required;
        this.note = note;
    }

    String header() {
        return header;
    }

    /** The column must be in the file (its cells may still be empty where the note allows). */
    boolean required() {
        return required;
    }

    String note() {
        return note;
    }

    boolean isDate() {
        return this == VALID_FROM || this == VALID_TO || this == OBTAINED_ON;
    }

    static Optional<ImportColumn> ofHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }
}
