package cn.zhifa.agency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.springframework.stereotype.Component;

/**
 * Reads the staff sheet from an XLSX workbook (sheet 人员) or a CSV file (UTF-8, with or without BOM) into rows of
 * text by column, numbered as the administrator sees them (the header is row 1). Blank rows are skipped.
 */
@Component
class StaffSheetReader {

    static final int MAX_ROWS = 5000;
    private static final String CSV = "CSV";

    record SheetRow(int number, Map<ImportColumn, String> values) {

        String get(ImportColumn column) {
            return values.get(column);
        }
    }

    record StaffSheet(String sheet, List<SheetRow> rows) {
    }

    StaffSheet read(byte[] content) {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (magic) {
            case OOXML -> readWorkbook(content);
            case OLE2 -> throw ImportRefusedException.ofFile("IMPORT_FORMAT_UNSUPPORTED",
                    "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV UTF-8 后再导入");
            default -> readCsv(content);
        };
    }

    private StaffSheet readWorkbook(byte[] content) {
        try (Workbook workbook = open(content)) {
            Sheet sheet = workbook.getSheet(ImportColumn.SHEET);
            if (sheet == null) {
                throw ImportRefusedException.ofFile("IMPORT_SHEET_MISSING",
                        "工作簿中没有名为“" + ImportColumn.SHEET + "”的工作表，请使用下载的模板");
            }
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            List<String> headers = new ArrayList<>();
            for (int i = 0; headerRow != null && i < headerRow.getLastCellNum(); i++) {
                headers.add(text(headerRow.getCell(i), formatter, evaluator));
            }
            Map<ImportColumn, Integer> positions = positions(headers, ImportColumn.SHEET);
            List<SheetRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                if (row != null) {
                    positions.forEach((column, i) -> put(values, column, text(row.getCell(i), formatter, evaluator)));
                }
                add(rows, new SheetRow(r + 1, values));
            }
            return new StaffSheet(ImportColumn.SHEET, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Workbook open(byte[] content) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or encrypted file with a variety of runtime exceptions
            throw ImportRefusedException.ofFile("IMPORT_FILE_UNREADABLE", "无法读取该 Excel 文件，请确认文件未加密、未损坏");
        }
    }

    private StaffSheet readCsv(byte[] content) {
        String text = utf8(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = new StringReader(text); CSVParser parser = format.parse(reader)) {
            Map<ImportColumn, Integer> positions = positions(parser.getHeaderNames(), null);
            List<SheetRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                positions.forEach((column, i) -> put(values, column, i < record.size() ? record.get(i) : null));
                // the header is row 1, so the n-th record is row n + 1
                add(rows, new SheetRow((int) record.getRecordNumber() + 1, values));
            }
            return new StaffSheet(null, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ImportRefusedException.ofFile("IMPORT_FILE_UNREADABLE",
                    "无法读取该 CSV 文件：请检查标题行（列名不得重复）和引号是否成对");
        }
    }

    /** The bytes as UTF-8 without a BOM; anything else (GBK from an older Excel, say) is refused. */
    private static String utf8(byte[] content) {
        try (InputStream in = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(content)).get()) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ImportRefusedException.ofFile("IMPORT_NOT_UTF8",
                    "CSV 文件须为 UTF-8 编码：在 Excel 中请选择“另存为 → CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<ImportColumn, Integer> positions(List<String> headers, String sheet) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).strip();
            int position = i;
            ImportColumn.ofHeader(header).ifPresent(column -> positions.putIfAbsent(column, position));
        }
        List<String> missing = Arrays.stream(ImportColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c)).map(ImportColumn::header).toList();
        if (!missing.isEmpty()) {
            String where = sheet == null ? "文件" : "工作表“" + sheet + "”";
            throw ImportRefusedException.ofFile("IMPORT_COLUMNS_MISSING",
                    where + "的标题行（第1行）缺少列：" + String.join("、", missing) + "，请使用下载的模板");
        }
        return positions;
    }

    private static void put(Map<ImportColumn, String> values, ImportColumn column, String value) {
        if (value != null && !value.isBlank()) {
            values.put(column, value.strip());
        }
    }

    private static void add(List<SheetRow> rows, SheetRow row) {
        if (row.values().isEmpty()) {
            return;
        }
        if (rows.size() == MAX_ROWS) {
            throw ImportRefusedException.ofFile("IMPORT_TOO_MANY_ROWS", "一次最多导入" + MAX_ROWS + "人，请分批导入");
        }
        rows.add(row);
    }

    /** A cell as the administrator sees it; a date cell as YYYY-MM-DD. */
    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (type == CellType.NUMERIC) {
            // a number typed into a General cell (a certificate number, say) in full, not as Excel shows it (3.5E+13)
            return NumberToTextConverter.toText(cell.getNumericCellValue());
        }
        return formatter.formatCellValue(cell, evaluator);
    }
}
