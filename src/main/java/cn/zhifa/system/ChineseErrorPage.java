package cn.zhifa.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser gets for any error (403 from a webapp it may not open, 404, 500 …) instead of Spring's English
 * Whitelabel page: one Chinese page saying what happened and where to go. API clients, which do not ask for HTML,
 * keep their JSON answers (problem details, Camunda's REST errors). The page names no exception and no path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChineseErrorPage implements ErrorViewResolver {

    private final String template;

    ChineseErrorPage() {
        try (InputStream in = new ClassPathResource("error/error-page.html").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ModelAndView page = new ModelAndView(new Page(render(status)));
        page.setStatus(status);
        return page;
    }

    String render(HttpStatus status) {
        String[] text = texts(status);
        return template.replace("{{status}}", String.valueOf(status.value()))
                .replace("{{title}}", HtmlUtils.htmlEscape(text[0]))
                .replace("{{explanation}}", HtmlUtils.htmlEscape(text[1]));
    }

    private static String[] texts(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> new String[] {"请先登录", "此页面需要登录后才能查看。请回到任务列表登录。"};
            case FORBIDDEN -> new String[] {"您没有权限查看此页面",
                    "您的角色不能使用此页面或此功能。如确需查看，请联系本单位的系统管理员。"};
            case NOT_FOUND -> new String[] {"页面不存在", "您访问的地址不存在，可能已被移动或输入有误。"};
            default -> status.is5xxServerError()
                    ? new String[] {"系统暂时出错", "服务器处理请求时出错，请稍后再试。问题持续时请联系系统管理员。"}
                    : new String[] {"无法处理此请求", "请求有误，无法处理。请返回上一页重试。"};
        };
    }

    private record Page(String html) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setContentType(getContentType());
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        }
    }
}
