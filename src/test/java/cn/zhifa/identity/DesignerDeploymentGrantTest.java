package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No code from users (issue 8.1): a database seeded by an earlier version loses the designer's DEPLOYMENT CREATE. */
@ApplicationTest
class DesignerDeploymentGrantTest {

    private static final List<String> DESIGNER = List.of(Roles.PROCESS_DESIGNER);

    @Autowired IdentitySeeding seeding;
    @Autowired AuthorizationService authorizationService;

    @Test
    void theSeederTakesBackTheGrantToDeployAndKeepsTheRightToSee() {
        Authorization earlierVersion = authorizationService.createAuthorizationQuery()
                .groupIdIn(Roles.PROCESS_DESIGNER).resourceType(Resources.DEPLOYMENT).resourceId("*").singleResult();
        earlierVersion.addPermission(Permissions.CREATE);
        authorizationService.saveAuthorization(earlierVersion);
        assertThat(mayDeploy()).isTrue();

        seeding.run(null);

        assertThat(mayDeploy()).isFalse();
        assertThat(authorizationService.isUserAuthorized("huangtao", DESIGNER, Permissions.READ, Resources.DEPLOYMENT))
                .isTrue();
    }

    private boolean mayDeploy() {
        return authorizationService.isUserAuthorized("huangtao", DESIGNER, Permissions.CREATE, Resources.DEPLOYMENT);
    }
}
