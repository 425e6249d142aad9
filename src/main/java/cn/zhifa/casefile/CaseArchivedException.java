package cn.zhifa.casefile;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A change to an archived case (归档的案卷只能查阅、复制): refused wherever it is tried, by one rule. */
public class CaseArchivedException extends ZhifaException {

    public static final String CODE = "CASE_ARCHIVED";

    CaseArchivedException(String change) {
        super(HttpStatus.CONFLICT, CODE, "案件已归档，不能再" + change + "（归档的案卷只能查阅和复制）");
    }
}
