package cn.zhifa;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs an engine call as a person would make it in Tasklist: authenticated as the user, with all his groups. */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T as(IdentityService identityService, String user, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
