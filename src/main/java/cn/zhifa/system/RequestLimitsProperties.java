package cn.zhifa.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhifa.requests.*: the largest request body that is not an upload (JSON of /api, /engine-rest and the webapps' engine
 * API). Uploads have their own limits (spring.servlet.multipart, zhifa.documents.max-upload-size).
 */
@ConfigurationProperties("zhifa.requests")
public record RequestLimitsProperties(DataSize maxBodySize) {

    public RequestLimitsProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
