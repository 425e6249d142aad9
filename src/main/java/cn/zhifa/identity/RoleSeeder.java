package cn.zhifa.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Role groups and what each role may do in the engine. Runs in every profile and is idempotent: it adds what is
 * missing and takes back rights an earlier version granted and no role has any more. Only administrators create or
 * change filters (Camunda grants FILTER CREATE to nobody else); the shared ones are seeded by worklist.WorklistFilters.
 */
@Component
class RoleSeeder {

    private static final Logger log = LoggerFactory.getLogger(RoleSeeder.class);

    private static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.OFFICER, "执法人员",
            Roles.LEGAL_REVIEWER, "法制审核人员",
            Roles.AGENCY_HEAD, "机关负责人",
            Roles.HEARING_HOST, "听证主持人",
            Roles.SUPERVISOR, "监督人员",
            Roles.PROCESS_DESIGNER, "流程设计人员",
            Roles.AGENCY_ADMIN, "机构管理员");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    RoleSeeder(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    void seed() {
        ROLE_NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
        for (String role : new String[] {Roles.OFFICER, Roles.LEGAL_REVIEWER, Roles.AGENCY_HEAD, Roles.HEARING_HOST}) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(role, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        for (String colleague : new String[] {Roles.OFFICER, Roles.LEGAL_REVIEWER, Roles.AGENCY_HEAD,
                Roles.HEARING_HOST, Roles.SUPERVISOR}) {
            // Tasklist shows candidate groups by name
            grant(colleague, Resources.GROUP, "*", Permissions.READ);
            if (!colleague.equals(Roles.SUPERVISOR)) {
                // users are read within their agency only (StaffRegistry grants the agency's group, user by user);
                // installations seeded before several agencies shared a platform granted every user to every role
                revoke(colleague, Resources.USER, "*", Permissions.READ);
            }
        }
        // a supervisor (e.g. 司法局) oversees every agency on the platform
        grant(Roles.SUPERVISOR, Resources.USER, "*", Permissions.READ);
        grant(Roles.AGENCY_HEAD, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        for (String watcher : new String[] {Roles.SUPERVISOR, Roles.AGENCY_HEAD}) {
            grant(watcher, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY, Permissions.READ_TASK);
            grant(watcher, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(watcher, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(watcher, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        grant(Roles.PROCESS_DESIGNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // designers see deployments; models reach the engine only with the build (docs/security.md), so a grant to
        // create them that an earlier version gave is taken back
        grant(Roles.PROCESS_DESIGNER, Resources.DEPLOYMENT, "*", Permissions.READ);
        revoke(Roles.PROCESS_DESIGNER, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.UPDATE,
                Permissions.DELETE);
        grant(Roles.PROCESS_DESIGNER, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(Roles.PROCESS_DESIGNER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        // agency-admin gets no engine right at all: Camunda's user and group rights cannot be confined to one
        // agency, so agency administrators work through /api/admin, which keeps them to their own agency
    }

    void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null || existing.getAuthorizationType() != AUTH_TYPE_GRANT) {
            return;
        }
        List<String> revoked = new ArrayList<>();
        for (Permission permission : permissions) {
            if (existing.isPermissionGranted(permission)) {
                existing.removePermission(permission);
                revoked.add(permission.getName());
            }
        }
        if (!revoked.isEmpty()) {
            authorizationService.saveAuthorization(existing);
            log.info("Revoked {} on {} {} from group {}", revoked, resource.resourceName(), resourceId, groupId);
        }
    }
}
