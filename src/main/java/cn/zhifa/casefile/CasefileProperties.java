package cn.zhifa.casefile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhifa.casefile.*: the case number format. Placeholders: {prefix} (org_unit.case_number_prefix of the agency),
 * {agency} (agency id), {year}, {seq} and {seq:N} (sequence zero-padded to N digits). The seeds leave the format to
 * the province (seeds-catalogue §5.5).
 */
@ConfigurationProperties("zhifa.casefile")
public record CasefileProperties(String numberFormat) {

    public static final String DEFAULT_NUMBER_FORMAT = "{prefix}〔{year}〕{seq}号";

    public CasefileProperties {
        numberFormat = numberFormat == null || numberFormat.isBlank() ? DEFAULT_NUMBER_FORMAT : numberFormat;
    }
}
