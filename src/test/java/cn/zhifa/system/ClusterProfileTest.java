package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.session.SessionRepository;
import org.yaml.snakeyaml.Yaml;

/**
 * Spring Session is on the classpath for the cluster profile only (docs/cluster.md): a single node keeps its sessions
 * in memory as before, the cluster profile switches the JDBC store on without letting it create tables. The cluster
 * harness (bench/cluster.md) logs in on one node and works on the other.
 */
@ApplicationTest
class ClusterProfileTest {

    @Autowired ApplicationContext context;

    @Test
    void aSingleNodeKeepsItsSessionsInMemory() {
        assertThat(context.getBeanNamesForType(SessionRepository.class)).isEmpty();
    }

    @Test
    void theClusterProfileStoresSessionsInTheTablesOfFlyway() throws IOException {
        Map<String, Object> cluster;
        try (InputStream in = new ClassPathResource("application-cluster.yaml").getInputStream()) {
            cluster = new Yaml().load(in);
        }
        Map<?, ?> spring = (Map<?, ?>) cluster.get("spring");
        assertThat(((Map<?, ?>) spring.get("autoconfigure")).get("exclude")).isEqualTo("");
        assertThat(((Map<?, ?>) ((Map<?, ?>) spring.get("session")).get("jdbc")).get("initialize-schema"))
                .isEqualTo("never");
        assertThat(new ClassPathResource("db/migration/postgresql/V220__spring_session.sql").exists()).isTrue();
    }
}
