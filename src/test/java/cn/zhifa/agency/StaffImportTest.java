package cn.zhifa.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.identity.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class StaffImportTest {

    static final String HEADER = "用户名,姓,名,所属单位,单位类型,角色,邮箱,执法证号,执法领域,发证机关,有效期起,有效期止,证件状态,"
            + "法律职业资格证号,资格取得日期";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired StaffDirectory directory;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SetupClient api;
    String agencyId;

    @BeforeEach
    void agency() {
        api = new SetupClient(rest, json);
        agencyId = api.newAgency("导入测试局", "导测罚");
    }

    /** Rows for a two-unit agency (two handling units, the legal unit, the leadership); user ids get a prefix. */
    List<List<String>> goodRows(String p) {
        return List.of(
                List.of(p + "zhao", "赵", "一", "执法一大队", "承办机构", "执法人员", "", p + "-ZF-1", "市场监管", "某省人民政府",
                        "2024-01-01", "2029-12-31", "", "", ""),
                List.of(p + "qian", "钱", "二", "执法一大队", "", "执法人员、听证主持人", "qian@example.gov.cn", p + "-ZF-2",
                        "市场监管", "某省人民政府", "2024/1/1", "2029年12月31日", "有效", "", ""),
                List.of(p + "sun", "孙", "三", "执法二大队", "承办机构", "执法人员", "", p + "-ZF-3", "市场监管", "某省人民政府",
                        "2024-01-01", "2029-12-31", "暂扣", "", ""),
                List.of(p + "li", "李", "四", "法制科", "法制机构", "法制审核人员", "", "", "", "", "", "", "", p + "-A-1",
                        "2019-09-30"),
                List.of(p + "zhou", "周", "五", "局领导", "局领导", "机关负责人、机构管理员", "", p + "-ZF-9", "市场监管",
                        "某省人民政府", "2024-01-01", "2029-12-31", "", "", ""));
    }

    static byte[] csv(boolean bom, String header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "").append(header).append("\r\n");
        rows.forEach(row -> text.append(String.join(",", row)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The downloaded template with the rows typed into sheet 人员; "DATE:" cells become real Excel dates. */
    byte[] filledTemplate(List<List<String>> rows) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(
                api.download(SetupClient.ADMIN, "/api/admin/staff-import/template.xlsx")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet("人员");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.startsWith("DATE:")) {
                        row.createCell(c).setCellValue(LocalDate.parse(value.substring(5)));
                        row.getCell(c).setCellStyle(sheet.getColumnStyle(c));
                    } else if (value.startsWith("NUMBER:")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value.substring(7)));
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    long unitsOfAgency() {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE agency_id = ?").param(agencyId).query(Long.class).single();
    }

    @Test
    void shouldOfferTheTemplateInChineseAsXlsxAndCsv() throws IOException {
        try (Workbook template = WorkbookFactory.create(new ByteArrayInputStream(
                api.download(SetupClient.ADMIN, "/api/admin/staff-import/template.xlsx")))) {
            assertThat(template.getSheetName(0)).isEqualTo("人员");
            assertThat(template.getSheetName(1)).isEqualTo("填写说明");
            List<String> headers = new ArrayList<>();
            template.getSheet("人员").getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(String.join(",", headers)).isEqualTo(HEADER);
            assertThat(template.getSheet("人员").getLastRowNum()).isZero();
            assertThat(template.getSheet("人员").getDataValidations()).hasSize(2);
        }
        byte[] csv = api.download(SetupClient.ADMIN, "/api/admin/staff-import/template.csv");
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER + "\r\n");
    }

    @Test
    void shouldImportAFilledXlsxTemplateWithGeneratedPasswords() throws IOException {
        List<List<String>> rows = new ArrayList<>(goodRows(agencyId));
        // as Excel keeps them: a date cell, and a certificate number typed as a number
        rows.set(0, List.of(agencyId + "zhao", "赵", "一", "执法一大队", "承办机构", "执法人员", "", "NUMBER:35010020190001",
                "市场监管", "某省人民政府", "DATE:2024-01-01", "DATE:2029-12-31", "", "", ""));
        SetupClient.Answer imported = api.upload(SetupClient.ADMIN, agencyId, filledTemplate(rows), "人员.xlsx", null);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(SetupClient.field(imported.body().get("unitsCreated"), "name"))
                .containsExactly("执法一大队", "执法二大队", "法制科", "局领导");
        assertThat(imported.body().get("certificates").asInt()).isEqualTo(4);
        assertThat(imported.body().get("qualifications").asInt()).isEqualTo(1);
        JsonNode zhao = imported.body().get("staffCreated").get(0);
        assertThat(zhao.get("name").asText()).isEqualTo("赵一");
        assertThat(api.get(agencyId + "zhao", zhao.get("initialPassword").asText(), "/api/me").status())
                .isEqualTo(HttpStatus.OK);

        LocalDate today = LocalDate.now(clock);
        assertThat(directory.validCertificate(agencyId + "zhao", today).orElseThrow().certificateNo())
                .isEqualTo("35010020190001");
        assertThat(directory.validCertificate(agencyId + "qian", today)).isPresent();
        assertThat(directory.validCertificate(agencyId + "sun", today)).as("暂扣").isEmpty();
        assertThat(directory.hasLegalQualification(agencyId + "li")).isTrue();
        assertThat(directory.isInLegalUnitOf(agencyId, agencyId + "li")).isTrue();
        assertThat(directory.isHeadOf(agencyId, agencyId + "zhou")).isTrue();
        assertThat(directory.isMember(agencyId + "zhou", "agency-admin")).isTrue();
        assertThat(directory.isMember(agencyId + "qian", "hearing-host")).isTrue();
        assertThat(directory.unitsOf(agencyId + "qian")).containsExactlyInAnyOrder(agencyId,
                agencyId + "-handling-1");
    }

    @Test
    void shouldImportAFilledCsvTemplateWithTheAdministratorsPassword() {
        byte[] template = api.download(SetupClient.ADMIN, "/api/admin/staff-import/template.csv");
        StringBuilder filled = new StringBuilder(new String(template, StandardCharsets.UTF_8));
        goodRows(agencyId).forEach(row -> filled.append(String.join(",", row)).append("\r\n"));

        SetupClient.Answer imported = api.upload(SetupClient.ADMIN, agencyId,
                filled.toString().getBytes(StandardCharsets.UTF_8), "人员.csv", "Chu-shi-mima-2026");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(imported.body().get("staffCreated")).hasSize(5);
        assertThat(imported.body().get("staffCreated").get(0).get("initialPassword").isNull()).isTrue();
        assertThat(api.get(agencyId + "li", "Chu-shi-mima-2026", "/api/me").status()).isEqualTo(HttpStatus.OK);
        assertThat(unitsOfAgency()).isEqualTo(4);
    }

    @Test
    void shouldImportACsvWithoutBomIntoUnitsThatExist() {
        String squad = api.newUnit(agencyId, "执法一大队", "HANDLING");
        SetupClient.Answer imported = api.upload(SetupClient.ADMIN, agencyId, csv(false, HEADER,
                List.of(goodRows(agencyId).get(0))), "staff.csv", null);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(imported.body().get("unitsCreated")).isEmpty();
        assertThat(directory.unitsOf(agencyId + "zhao")).contains(squad);
    }

    @Nested
    class Refused {

        /** Row 2 is good; every later row has one fault (or two). */
        List<List<String>> badRows() {
            String p = agencyId;
            List<List<String>> rows = new ArrayList<>();
            rows.add(goodRows(p).get(0));
            rows.add(List.of(p + "b3", "钱", "二", "执法一大队", "", "执法员", "", "", "", "", "", "", "", "", ""));
            rows.add(List.of(p + "b4", "孙", "三", "法制科", "法制机构", "执法人员", "", "", "", "", "", "", "", "", ""));
            rows.add(List.of(p + "zhao", "赵", "二", "执法一大队", "", "执法人员", "", "", "", "", "", "", "", "", ""));
            rows.add(List.of(p + "b6", "李", "四", "执法一大队", "", "执法人员", "", p + "-ZF-6", "市场监管", "某省人民政府",
                    "2024-13-01", "2029-12-31", "", "", ""));
            rows.add(List.of("zhangwei", "张", "伟", "执法一大队", "", "执法人员", "", "ZF-2024-0001", "市场监管", "某省人民政府",
                    "2024-01-01", "2029-12-31", "", "", ""));
            rows.add(List.of(p + "b8", "", "八", "新单位", "", "执法人员", "", "", "", "", "", "", "", "", ""));
            return rows;
        }

        void assertRefusedWhole(SetupClient.Answer answer, String sheet) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.code()).isEqualTo("IMPORT_INVALID");
            JsonNode errors = answer.body().get("errors");
            List<Integer> rows = new ArrayList<>();
            errors.forEach(e -> rows.add(e.get("row").asInt()));
            assertThat(rows).containsExactly(3, 4, 5, 6, 7, 7, 8, 8);
            assertThat(errors.get(0).get("message").asText()).contains("角色“执法员”不存在");
            assertThat(errors.get(1).get("message").asText()).contains("执法人员须属于承办机构");
            assertThat(errors.get(2).get("message").asText()).contains("用户名“" + agencyId + "zhao”已被使用");
            assertThat(errors.get(3).get("message").asText()).contains("有效期起“2024-13-01”不是有效日期");
            assertThat(errors.get(4).get("message").asText()).contains("用户名“zhangwei”已被使用");
            assertThat(errors.get(5).get("message").asText()).contains("执法证号“ZF-2024-0001”已登记");
            assertThat(errors.get(6).get("message").asText()).contains("新单位“新单位”须填写单位类型");
            assertThat(errors.get(7).get("message").asText()).contains("请填写姓");
            errors.forEach(e -> assertThat(e.get("sheet").isNull() ? null : e.get("sheet").asText()).isEqualTo(sheet));
            assertThat(answer.detail()).startsWith("导入文件有8处错误，未导入任何内容。")
                    .contains(sheet == null ? "第3行：" : "工作表“人员”第3行：");

            // nothing stored: not the good row, not its unit, not its certificate
            assertThat(identityService.createUserQuery().userId(agencyId + "zhao").count()).isZero();
            assertThat(identityService.createUserQuery().memberOfGroup(agencyId).count()).isZero();
            assertThat(unitsOfAgency()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM officer_certificate WHERE certificate_no = ?")
                    .param(agencyId + "-ZF-1").query(Long.class).single()).isZero();
            assertThat(directory.agencyOf("zhangwei")).contains("agency-amr");
        }

        @Test
        void shouldRefuseACsvWithSeveralBadRowsWholeListingEachRow() {
            assertRefusedWhole(api.upload(SetupClient.ADMIN, agencyId, csv(true, HEADER, badRows()), "bad.csv", null),
                    null);
        }

        @Test
        void shouldRefuseAnXlsxWithSeveralBadRowsWholeListingEachRow() throws IOException {
            assertRefusedWhole(api.upload(SetupClient.ADMIN, agencyId, filledTemplate(badRows()), "bad.xlsx", null),
                    "人员");
        }

        SetupClient.Answer fileRefused(byte[] file, String code) {
            SetupClient.Answer answer = api.upload(SetupClient.ADMIN, agencyId, file, "file", null);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.code()).isEqualTo(code);
            assertThat(answer.body().get("errors")).hasSize(1);
            return answer;
        }

        @Test
        void shouldRefuseACsvThatIsNotUtf8() {
            byte[] gbk = (HEADER + "\r\n" + String.join(",", goodRows(agencyId).get(0)) + "\r\n")
                    .getBytes(Charset.forName("GBK"));
            assertThat(fileRefused(gbk, "IMPORT_NOT_UTF8").detail()).contains("CSV UTF-8");
        }

        @Test
        void shouldRefuseAnOldXlsFileAWorkbookWithoutTheStaffSheetAndAnUnreadableOne() throws IOException {
            try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                xls.createSheet("人员");
                xls.write(out);
                fileRefused(out.toByteArray(), "IMPORT_FORMAT_UNSUPPORTED");
            }
            try (XSSFWorkbook xlsx = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                xlsx.createSheet("Sheet1");
                xlsx.write(out);
                fileRefused(out.toByteArray(), "IMPORT_SHEET_MISSING");
            }
            fileRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "IMPORT_FILE_UNREADABLE");
        }

        @Test
        void shouldRefuseMissingColumnsAndAFileWithoutStaff() {
            assertThat(fileRefused(csv(false, "用户名,姓,所属单位", List.of()), "IMPORT_COLUMNS_MISSING").detail())
                    .contains("缺少列：名、角色");
            fileRefused(csv(true, HEADER, List.of()), "IMPORT_EMPTY");
        }

        @Test
        void shouldRefuseAShortInitialPasswordAndNonAdministrators() {
            SetupClient.Answer shortPassword = api.upload(SetupClient.ADMIN, agencyId,
                    csv(true, HEADER, goodRows(agencyId)), "staff.csv", "short");
            assertThat(shortPassword.code()).isEqualTo("SETUP_INPUT_INVALID");
            assertThat(api.upload("zhangwei", agencyId, csv(true, HEADER, goodRows(agencyId)), "staff.csv", null)
                    .status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(unitsOfAgency()).isZero();
        }
    }
}
