package cn.zhifa.identity;

import java.util.List;
import java.util.Set;

/** A person as the rules see them: name, role and unit groups, certificate, legal qualification. */
public record StaffMember(String userId, String name, Set<String> groups, List<EnforcementCertificate> certificates,
        boolean legallyQualified) {

    public boolean isIn(String groupId) {
        return groups.contains(groupId);
    }
}
