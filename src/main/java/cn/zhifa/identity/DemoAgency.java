package cn.zhifa.identity;

import java.time.LocalDate;
import java.util.List;

/** The demo org chart: one county market-supervision bureau with two handling units and a legal-affairs unit. */
final class DemoAgency {

    record Unit(String id, String name, String kind, String caseNumberPrefix) {
    }

    record Person(String id, String familyName, String givenName, List<String> groups, String certificateNo,
            String qualificationNo) {
    }

    static final String AGENCY_NAME = "某县市场监督管理局";

    /** The demo people's e-mail domain: it marks an account the demo profile created. */
    static final String EMAIL_DOMAIN = "amr.example.gov.cn";
    /** The shipped demo password (default of ZHIFA_DEMO_PASSWORD in application-demo.yaml). */
    static final String SHIPPED_PASSWORD = "zhifa2026";
    /** The demo administrator (camunda.bpm.admin-user.id in application-demo.yaml). */
    static final String ADMIN_ID = "admin";

    static final List<Unit> UNITS = List.of(
            new Unit(Units.AGENCY, AGENCY_NAME, "AGENCY", "某县市监处罚"),
            new Unit(Units.SQUAD_1, "执法一大队", "HANDLING", null),
            new Unit(Units.SQUAD_2, "执法二大队", "HANDLING", null),
            new Unit(Units.LEGAL_AFFAIRS, "法制审核科", "LEGAL", null),
            new Unit(Units.LEADERSHIP, "局领导", "LEADERSHIP", null));

    static final List<Person> PEOPLE = List.of(
            new Person("zhangwei", "张", "伟", List.of(Roles.OFFICER, Units.SQUAD_1), "ZF-2024-0001", null),
            new Person("lina", "李", "娜", List.of(Roles.OFFICER, Units.SQUAD_1), "ZF-2024-0002", null),
            new Person("wangqiang", "王", "强", List.of(Roles.OFFICER, Units.SQUAD_2), "ZF-2024-0003", null),
            new Person("liuyang", "刘", "洋", List.of(Roles.OFFICER, Units.SQUAD_2), "ZF-2024-0004", null),
            new Person("zhaomin", "赵", "敏", List.of(Roles.LEGAL_REVIEWER, Units.LEGAL_AFFAIRS), null, "A20181100001"),
            new Person("sunli", "孙", "丽", List.of(Roles.LEGAL_REVIEWER, Units.LEGAL_AFFAIRS), null, "A20191100002"),
            new Person("qianlei", "钱", "磊", List.of(Roles.LEGAL_REVIEWER, Units.LEGAL_AFFAIRS), null, null),
            new Person("chengang", "陈", "刚", List.of(Roles.AGENCY_HEAD, Units.LEADERSHIP), "ZF-2024-0101", null),
            new Person("zhoujie", "周", "杰", List.of(Roles.AGENCY_HEAD, Units.LEADERSHIP), "ZF-2024-0102", null),
            new Person("wufang", "吴", "芳", List.of(Roles.HEARING_HOST, Units.LEGAL_AFFAIRS), "ZF-2024-0201", null),
            new Person("zhenghua", "郑", "华", List.of(Roles.SUPERVISOR), null, null),
            new Person("huangtao", "黄", "涛", List.of(Roles.PROCESS_DESIGNER), null, null));

    static final LocalDate CERTIFICATE_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate CERTIFICATE_TO = LocalDate.of(2028, 12, 31);

    private DemoAgency() {
    }
}
