package cn.zhifa.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The generic check no request field can escape, in front of /api, /engine-rest and the webapps' engine API: a body
 * that is not an upload is at most {@code zhifa.requests.max-body-size} (413 REQUEST_TOO_LARGE, by Content-Length or
 * while reading), and every string of a JSON body, names included, and every query parameter is text that can be
 * stored (400 TEXT_MALFORMED, {@link TextRules}), whatever the endpoint does with it later. Field-level limits
 * (column sizes, one-line fields) are the request records' Bean Validation. Runs after authentication, so an anonymous
 * caller gets 401 first.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class RequestInputGuard extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper objectMapper;
    private final long maxBodyBytes;
    private final String webappApi;

    RequestInputGuard(ObjectMapper objectMapper, RequestLimitsProperties limits, CamundaBpmProperties camunda) {
        this.objectMapper = objectMapper;
        this.maxBodyBytes = limits.maxBodySize().toBytes();
        this.webappApi = camunda.getWebapp().getApplicationPath() + "/api/";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith(webappApi);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> badParameter = queryProblem(request.getQueryString());
        if (badParameter.isPresent()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "TEXT_MALFORMED", badParameter.get());
            return;
        }
        if (!WITH_BODY.contains(request.getMethod()) || isFormOrUpload(request.getContentType())) {
            // forms and uploads: Tomcat's max-http-form-post-size and the multipart limits
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getContentLengthLong() > maxBodyBytes ? null
                : readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE",
                    "请求内容超过大小限制（最大" + DataSize.ofBytes(maxBodyBytes).toKilobytes() + "KB）");
            return;
        }
        Optional<String> badText = isJson(request.getContentType()) ? jsonProblem(body, request) : Optional.empty();
        if (badText.isPresent()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "TEXT_MALFORMED", badText.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The body, or null once more than {@code max} bytes arrive (a chunked body has no Content-Length). */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return body.length > max ? null : body;
    }

    /** The first string (value or field name) that cannot be stored, with its JSON pointer; malformed JSON is left to the endpoint. */
    private Optional<String> jsonProblem(byte[] body, HttpServletRequest request) throws IOException {
        String encoding = request.getCharacterEncoding();
        try (JsonParser parser = encoding == null ? objectMapper.getFactory().createParser(body)
                : objectMapper.getFactory().createParser(
                        new InputStreamReader(new ByteArrayInputStream(body), Charset.forName(encoding)))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    Optional<String> problem = TextRules.problemOf(parser.getText(), true);
                    if (problem.isPresent()) {
                        String pointer = parser.getParsingContext().pathAsPointer().toString();
                        return Optional.of("字段 " + (pointer.isEmpty() ? "/" : pointer) + " " + problem.get());
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException malformed) {
            // not JSON, or an unknown charset: the endpoint answers as it does for any malformed body
        }
        return Optional.empty();
    }

    private static Optional<String> queryProblem(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String decoded;
            try {
                decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                continue; // Tomcat drops a parameter it cannot decode
            }
            Optional<String> problem = TextRules.problemOf(decoded, true);
            if (problem.isPresent()) {
                String name = decoded.contains("=") ? decoded.substring(0, decoded.indexOf('=')) : decoded;
                return Optional.of("查询参数 " + TextRules.clean(name) + " " + problem.get());
            }
        }
        return Optional.empty();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String detail) throws IOException {
        RefusalLog.warn(code, status.value(), detail, request);
        boolean api = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
        ProblemDetail problem = api ? ApiProblems.of(status, code, detail)
                : ApiProblems.forEngineRest(status, code, detail);
        ApiProblems.write(response, objectMapper, problem);
    }

    private static boolean isJson(String contentType) {
        MediaType type = mediaType(contentType);
        return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
    }

    private static boolean isFormOrUpload(String contentType) {
        MediaType type = mediaType(contentType);
        return type != null && (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                || "multipart".equalsIgnoreCase(type.getType()));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return null;
        }
    }
}
