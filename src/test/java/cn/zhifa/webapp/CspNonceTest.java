package cn.zhifa.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Every webapp page carries the nonce of its own Content-Security-Policy header, however many pages load at once;
 * otherwise the browser refuses the page's scripts and Cockpit never leaves its loading screen.
 */
@ApplicationTest
class CspNonceTest {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final List<String> PAGES = List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
            "/camunda/app/tasklist/default/", "/camunda/app/welcome/default/");

    @Autowired TestRestTemplate http;

    @Test
    void pagesLoadedAtOnceEachCarryTheirOwnHeadersNonce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> mismatches = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String page = PAGES.get(i % PAGES.size());
                mismatches.add(pool.submit((Callable<String>) () -> mismatchOf(page)));
            }
            List<String> found = new ArrayList<>();
            for (Future<String> mismatch : mismatches) {
                String problem = mismatch.get();
                if (problem != null) {
                    found.add(problem);
                }
            }
            assertThat(found).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private String mismatchOf(String page) {
        ResponseEntity<String> response = http.getForEntity(page, String.class);
        String policy = response.getHeaders().getFirst("Content-Security-Policy");
        if (policy == null) {
            return page + ": no Content-Security-Policy header";
        }
        Matcher header = HEADER_NONCE.matcher(policy);
        if (!header.find()) {
            return page + ": no nonce in " + policy;
        }
        Matcher body = PAGE_NONCE.matcher(response.getBody() == null ? "" : response.getBody());
        while (body.find()) {
            if (!body.group(1).equals(header.group(1))) {
                return page + ": page nonce " + body.group(1) + ", header nonce " + header.group(1);
            }
        }
        return null;
    }
}
