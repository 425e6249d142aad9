package cn.zhifa.casefile;

import java.util.List;

/**
 * A case to register. {@code handlingUnitId} may be left out when the registering officer belongs to exactly one
 * handling unit. Officers without a role: the first is the handling officer, the others investigators.
 */
public record NewCase(CaseKind kind, String title, String handlingUnitId, List<NewParty> parties,
        List<NewOfficer> officers) {

    public NewCase {
        parties = parties == null ? List.of() : List.copyOf(parties);
        officers = officers == null ? List.of() : List.copyOf(officers);
    }

    /** A party of a new case; {@code idNumber} is the identity number or the unified social credit code. */
    public record NewParty(PartyKind kind, String name, String idNumber, String address, String legalRepresentative,
            String phone) {

        public NewParty(PartyKind kind, String name, String idNumber, String address) {
            this(kind, name, idNumber, address, null, null);
        }
    }

    /** An officer to put on the new case. */
    public record NewOfficer(String userId, OfficerRole role) {
    }
}
