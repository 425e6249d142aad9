package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseQuery;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseSummary;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The supervision API as each role calls it: supervisors and heads read, everyone else is refused; 年报 checked. */
@ApplicationTest
class SupervisionApiTest {

    static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhenghua", "chengang"})
    void supervisorsAndHeadsReadTheOverview(String user) {
        ResponseEntity<Map> overview = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/supervision/overview",
                Map.class);
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getBody()).containsKeys("openByStage", "openByUnit", "deadlines", "extensions", "reviews",
                "proceedings", "lateAudioVideo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhangwei", "zhaomin", "wufang", "huangtao"})
    void otherRolesAreRefused(String user) {
        for (String path : List.of("/api/supervision/overview", "/api/supervision/statistics/2026",
                "/api/supervision/statistics/2026/xlsx", "/api/supervision/statistics/2026/csv")) {
            ResponseEntity<Map> refused = rest.withBasicAuth(user, PASSWORD).getForEntity(path, Map.class);
            assertThat(refused.getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("code", "FORBIDDEN");
        }
        assertThat(rest.getForEntity("/api/supervision/overview", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theApiIsReadOnlyEvenForASupervisor() {
        assertThat(rest.withBasicAuth("zhenghua", PASSWORD).postForEntity("/api/supervision/overview", Map.of(),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anOpenCaseCountsInItsStageAndUnit() {
        long before = openCount("zhenghua", "CLUE");
        register("2026-03-02T10:00:00");
        assertThat(openCount("zhenghua", "CLUE")).isEqualTo(before + 1);
    }

    @Test
    void theYearlyStatisticsMatchTheRegisterAndExportAsXlsxAndCsv() throws Exception {
        register("2028-05-06T10:00:00");
        register("2028-11-20T10:00:00");
        register("2027-12-31T23:30:00");
        ClockUtil.reset();
        List<CaseSummary> ofYear = cases.search(new CaseQuery(null, null, null, null, null, 500), "zhenghua").stream()
                .filter(c -> c.createdAt().getYear() == 2028).toList();
        long penalties = ofYear.stream().filter(c -> c.kind() == CaseKind.PENALTY).count();
        long squad1 = ofYear.stream().filter(c -> c.handlingUnitId().equals("unit-squad-1")).count();
        assertThat(ofYear).hasSizeGreaterThanOrEqualTo(2);

        Map<String, Object> report = rest.withBasicAuth("zhenghua", PASSWORD)
                .getForObject("/api/supervision/statistics/2028", Map.class);
        assertThat(report).containsEntry("title", "2028年度行政执法统计年报");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) report.get("lines");
        assertThat(value(lines, "案件总数", "本年度登记的线索和案件")).isEqualTo(ofYear.size());
        assertThat(value(lines, "按执法类别", "行政处罚")).isEqualTo(penalties);
        assertThat(value(lines, "按执法类别", "其他行政执法决定")).isEqualTo(ofYear.size() - penalties);
        assertThat(value(lines, "按办理结果", "办理中") + value(lines, "按办理结果", "已办结（结案、归档）")
                + value(lines, "按办理结果", "移送") + value(lines, "按办理结果", "撤销")).isEqualTo(ofYear.size());
        assertThat(value(lines, "按承办机构", "执法一大队")).isEqualTo(squad1);

        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("zhenghua", PASSWORD)
                .getForEntity("/api/supervision/statistics/2028/xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheet("年报");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2028年度行政执法统计年报");
            Row total = sheet.getRow(2);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("案件总数");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo((double) ofYear.size());
        }

        ResponseEntity<byte[]> csv = rest.withBasicAuth("chengang", PASSWORD)
                .getForEntity("/api/supervision/statistics/2028/csv", byte[].class);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF类别,项目,数值").contains("案件总数,本年度登记的线索和案件," + ofYear.size());
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("2028年度行政执法统计年报.csv");

        assertThat(rest.withBasicAuth("zhenghua", PASSWORD).getForEntity("/api/supervision/statistics/1999",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private long openCount(String user, String stage) {
        Map<String, Object> overview = rest.withBasicAuth(user, PASSWORD).getForObject("/api/supervision/overview",
                Map.class);
        return ((List<Map<String, Object>>) overview.get("openByStage")).stream()
                .filter(c -> stage.equals(c.get("key"))).mapToLong(c -> ((Number) c.get("count")).longValue())
                .sum();
    }

    private static long value(List<Map<String, Object>> lines, String section, String item) {
        return lines.stream().filter(l -> section.equals(l.get("section")) && item.equals(l.get("item")))
                .map(l -> ((Number) l.get("value")).longValue()).findFirst().orElseThrow();
    }

    private void register(String at) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(at).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        cases.register(new NewCase(CaseKind.PENALTY, "年报测试案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "赵六", "11010519491231002X", "某县某路3号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei");
    }
}
