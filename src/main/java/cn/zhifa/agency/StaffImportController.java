package cn.zhifa.agency;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ApiProblems;
import cn.zhifa.system.ZhifaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The staff template to download, and the import of a filled one (multipart field {@code file}). */
@RestController
class StaffImportController {

    private static final Logger log = LoggerFactory.getLogger(StaffImportController.class);
    private static final DataSize MAX_FILE = DataSize.ofMegabytes(5);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportTemplate template;
    private final StaffImport staffImport;

    StaffImportController(ImportTemplate template, StaffImport staffImport) {
        this.template = template;
        this.staffImport = staffImport;
    }

    @GetMapping("/api/admin/staff-import/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate() {
        return download(template.xlsx(), XLSX, "人员导入模板.xlsx");
    }

    @GetMapping("/api/admin/staff-import/template.csv")
    ResponseEntity<byte[]> csvTemplate() {
        return download(template.csv(), new MediaType("text", "csv", StandardCharsets.UTF_8), "人员导入模板.csv");
    }

    @PostMapping("/api/admin/agencies/{agencyId}/staff-import")
    StaffImport.ImportResult importStaff(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String initialPassword) {
        if (file.isEmpty()) {
            throw ImportRefusedException.ofFile("IMPORT_EMPTY", "上传的文件为空");
        }
        if (file.getSize() > MAX_FILE.toBytes()) {
            throw new ZhifaException(HttpStatus.PAYLOAD_TOO_LARGE, "IMPORT_FILE_TOO_LARGE", "导入文件不得超过5MB");
        }
        try {
            return staffImport.importFile(agencyId, file.getBytes(),
                    initialPassword == null || initialPassword.isEmpty() ? null : initialPassword);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusal with each error by sheet and row, so a page can list them. */
    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e) {
        log.warn("Staff import refused: {}, {} errors", e.code(), e.errors().size());
        ProblemDetail problem = ApiProblems.of(e.status(), e.code(), e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail noFile(MissingServletRequestPartException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "IMPORT_FILE_MISSING", "请选择要导入的文件（表单字段 file）");
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
