package cn.zhifa.agency;

import cn.zhifa.identity.CertificateStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The staff template in Chinese: an XLSX workbook with the sheet 人员 (the header, text and date formats, drop-downs
 * for unit kind and status) and a sheet 填写说明 with each column's rule and an example; or the same header as a
 * CSV file in UTF-8 with a BOM, so that Excel opens it in Chinese.
 */
@Component
class ImportTemplate {

    private static final String NOTES_SHEET = "填写说明";
    private static final List<List<String>> EXAMPLE = List.of(
            List.of("zhangsan", "张", "三", "执法一大队", "承办机构", "执法人员", "", "ZF-2025-0001", "市场监管",
                    "某省人民政府", "2025-01-01", "2029-12-31", "有效", "", ""),
            List.of("lisi", "李", "四", "法制审核科", "法制机构", "法制审核人员", "", "", "", "", "", "", "",
                    "A20201100001", "2020-09-30"),
            List.of("wangwu", "王", "五", "局领导", "局领导", "机关负责人", "", "ZF-2025-0101", "市场监管",
                    "某省人民政府", "2025-01-01", "2029-12-31", "", "", ""));

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            staffSheet(workbook);
            notesSheet(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void staffSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(ImportColumn.SHEET);
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        Row header = sheet.createRow(0);
        ImportColumn[] columns = ImportColumn.values();
        for (int i = 0; i < columns.length; i++) {
            ImportColumn column = columns[i];
            header.createCell(i).setCellValue(column.header());
            header.getCell(i).setCellStyle(headerStyle(workbook, column.required()));
            // cells typed later take the column's format: numbers stay text, dates stay dates
            sheet.setDefaultColumnStyle(i, column.isDate() ? date : text);
            sheet.setColumnWidth(i, (column.isDate() ? 14 : Math.max(10, column.header().length() * 3 + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        dropDown(sheet, ImportColumn.UNIT_KIND, Arrays.stream(UnitKind.values()).map(UnitKind::label)
                .toArray(String[]::new));
        dropDown(sheet, ImportColumn.CERTIFICATE_STATUS, Arrays.stream(CertificateStatus.values())
                .map(CertificateStatus::label).toArray(String[]::new));
    }

    private static void dropDown(Sheet sheet, ImportColumn column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int position = column.ordinal();
        var validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, StaffSheetReader.MAX_ROWS, position, position));
        validation.setShowErrorBox(true);
        validation.createErrorBox("填写有误", "请从下拉列表中选择：" + String.join("、", values));
        sheet.addValidationData(validation);
    }

    private static void notesSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(NOTES_SHEET);
        CellStyle bold = headerStyle(workbook, false);
        int r = 0;
        for (String line : List.of(
                "每行一人，填写在工作表“人员”中；本工作表不会被导入。",
                "任何一行有误，整份文件都不导入，所有错误按行列出；改正后重新上传即可。",
                "初始密码：导入时可统一设置；不设置则为每人生成一个，仅在导入结果中显示一次。",
                "红色列名为必填列。")) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        r++;
        Row title = sheet.createRow(r++);
        List<String> titles = List.of("列名", "是否必填", "填写说明");
        for (int i = 0; i < titles.size(); i++) {
            title.createCell(i).setCellValue(titles.get(i));
            title.getCell(i).setCellStyle(bold);
        }
        for (ImportColumn column : ImportColumn.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(column.required() ? "必填" : "选填");
            row.createCell(2).setCellValue(column.note());
        }
        r++;
        sheet.createRow(r++).createCell(0).setCellValue("示例（请在工作表“人员”中填写，不要在此填写）：");
        Row exampleHeader = sheet.createRow(r++);
        ImportColumn[] columns = ImportColumn.values();
        for (int i = 0; i < columns.length; i++) {
            exampleHeader.createCell(i).setCellValue(columns[i].header());
            exampleHeader.getCell(i).setCellStyle(bold);
        }
        for (List<String> example : EXAMPLE) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < example.size(); i++) {
                row.createCell(i).setCellValue(example.get(i));
            }
        }
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, boolean required) {
        Font font = workbook.createFont();
        font.setBold(true);
        if (required) {
            font.setColor(IndexedColors.RED.getIndex());
        }
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
