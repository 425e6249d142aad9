package cn.zhifa.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** 行政执法统计年报 of any year: JSON for the dashboard, XLSX and CSV (UTF-8 with BOM, so Excel reads it) to hand in. */
@RestController
class StatisticsController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String[] HEADER = {"类别", "项目", "数值"};

    private final YearlyStatistics statistics;
    private final SupervisionScope scopes;

    StatisticsController(YearlyStatistics statistics, SupervisionScope scopes) {
        this.statistics = statistics;
        this.scopes = scopes;
    }

    @GetMapping("/api/supervision/statistics/{year}")
    YearlyStatistics.Report report(@PathVariable int year, Principal principal) {
        return statistics.of(year, scopes.of(principal.getName()));
    }

    @GetMapping("/api/supervision/statistics/{year}/csv")
    ResponseEntity<byte[]> csv(@PathVariable int year, Principal principal) throws IOException {
        YearlyStatistics.Report report = report(year, principal);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (YearlyStatistics.Line line : report.lines()) {
                printer.printRecord(line.section(), line.item(), line.value().toPlainString());
            }
        }
        return file(bytes.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8), report, "csv");
    }

    @GetMapping("/api/supervision/statistics/{year}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year, Principal principal) {
        YearlyStatistics.Report report = report(year, principal);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("年报");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(report.title());
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
                header.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (YearlyStatistics.Line line : report.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.section());
                row.createCell(1).setCellValue(line.item());
                row.createCell(2).setCellValue(line.value().doubleValue());
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 14 * 256);
            workbook.write(bytes);
            return file(bytes.toByteArray(), XLSX, report, "xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, YearlyStatistics.Report report,
            String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.title() + "." + extension, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
