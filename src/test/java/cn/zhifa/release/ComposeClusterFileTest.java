package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.cluster.yaml (docs/cluster.md): two nodes of the same image with the cluster profile behind nginx,
 * one database, one shared files volume, only the proxy published. No Docker engine runs here; this reads the files.
 */
class ComposeClusterFileTest {

    private static final Path COMPOSE = Path.of("docker", "compose.cluster.yaml");
    private static final Path NGINX = Path.of("docker", "nginx", "zhifa.conf");

    private static Map<String, Object> services;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = map(compose, "services");
        }
    }

    @Test
    void shouldRunTwoNodesOfOneImageWithTheClusterProfileOnOneDatabase() {
        assertThat(services).containsOnlyKeys("postgres", "zhifa-1", "zhifa-2", "proxy");
        for (String node : List.of("zhifa-1", "zhifa-2")) {
            Map<String, Object> service = map(services, node);
            assertThat(service).as(node).containsEntry("image", "zhifa").containsEntry("restart", "unless-stopped")
                    .doesNotContainKey("ports");
            assertThat(map(service, "environment")).as(node)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "prod,cluster")
                    .containsEntry("ZHIFA_DB_URL", "jdbc:postgresql://postgres:5432/zhifa");
            // documents, attachments and record checkpoints: every node sees every file
            assertThat(strings(service.get("volumes"))).as(node).containsExactly("zhifa-files:/app/data");
            assertThat(map(map(service, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
        }
        assertThat(map(services, "zhifa-1")).containsKey("build");
    }

    @Test
    void shouldPublishOnlyTheProxyWhichSpreadsOverBothNodesAndNeverResendsAWrite() throws IOException {
        assertThat(strings(map(services, "proxy").get("ports"))).containsExactly("8080:80");
        assertThat(map(services, "postgres")).doesNotContainKey("ports");
        String nginx = Files.readString(NGINX);
        assertThat(nginx).contains("server zhifa-1:8080", "server zhifa-2:8080", "X-Forwarded-For",
                "X-Forwarded-Proto", "client_max_body_size 512m").doesNotContain("non_idempotent", "ip_hash", "sticky");
        assertThat(strings(map(services, "proxy").get("volumes")))
                .containsExactly("./nginx/zhifa.conf:/etc/nginx/conf.d/default.conf:ro");
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
