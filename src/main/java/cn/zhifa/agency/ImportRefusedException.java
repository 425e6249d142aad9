package cn.zhifa.agency;

import cn.zhifa.system.ZhifaException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A staff file refused whole: every error with its sheet and row (row empty for the file itself). Nothing stored. */
class ImportRefusedException extends ZhifaException {

    record ImportError(String sheet, Integer row, String message) {

        String text() {
            if (row == null) {
                return message;
            }
            return (sheet == null ? "" : "工作表“" + sheet + "”") + "第" + row + "行：" + message;
        }
    }

    private final transient List<ImportError> errors;

    ImportRefusedException(String code, List<ImportError> errors) {
        super(HttpStatus.BAD_REQUEST, code, "导入文件有" + errors.size() + "处错误，未导入任何内容。"
                + errors.stream().map(ImportError::text).collect(Collectors.joining("；")));
        this.errors = List.copyOf(errors);
    }

    /** One error of the file itself (unreadable, a column missing …). */
    static ImportRefusedException ofFile(String code, String message) {
        return new ImportRefusedException(code, List.of(new ImportError(null, null, message)));
    }

    List<ImportError> errors() {
        return errors;
    }
}
