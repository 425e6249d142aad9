package cn.zhifa.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 cannot read back the task it serves when the task uses a Camunda Form: saving a task (follow-up or due
 * date in Tasklist, PUT /task/{id}) fails with 400 on the read-only {@code camundaFormRef} property. The property is
 * not updatable anyway, so it is dropped from the request body before the engine's REST layer sees it.
 */
@Component
class TaskUpdateFormRefFilter extends OncePerRequestFilter {

    private static final Pattern TASK_UPDATE = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/task/[^/]+/?$");
    private static final String FORM_REF = "camundaFormRef";

    private final ObjectMapper objectMapper;

    TaskUpdateFormRefFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        try {
            JsonNode task = objectMapper.readTree(body);
            if (task instanceof ObjectNode object && object.has(FORM_REF)) {
                object.remove(FORM_REF);
                body = objectMapper.writeValueAsBytes(object);
            }
        } catch (IOException notJson) {
            // left to the engine to refuse
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }
}
