package cn.zhifa.casefile;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A case to register. {@code handlingUnitId} may be left out when the registering officer belongs to exactly one
 * handling unit. Officers without a role: the first is the handling officer, the others investigators. Text sizes are
 * the columns of V4__casefile.sql; a case has at most {@value #MAX_PARTIES} parties and {@value #MAX_OFFICERS} officers.
 */
public record NewCase(CaseKind kind, @Size(max = 500) @WellFormedText String title,
        @Size(max = 64) @WellFormedText String handlingUnitId,
        @Size(max = MAX_PARTIES, message = "当事人不得超过{max}名") List<@Valid NewParty> parties,
        @Size(max = MAX_OFFICERS, message = "办案人员不得超过{max}名") List<@Valid NewOfficer> officers) {

    /** A joint case names each party; beyond this it is several cases (and a request no one can read). */
    public static final int MAX_PARTIES = 50;
    public static final int MAX_OFFICERS = 20;

    public NewCase {
        parties = parties == null ? List.of() : List.copyOf(parties);
        officers = officers == null ? List.of() : List.copyOf(officers);
    }

    /** A party of a new case; {@code idNumber} is the identity number or the unified social credit code. */
    public record NewParty(PartyKind kind, @Size(max = 200) @WellFormedText String name,
            @Size(max = 18) @WellFormedText String idNumber, @Size(max = 500) @WellFormedText String address,
            @Size(max = 100) @WellFormedText String legalRepresentative,
            @Size(max = 50) @WellFormedText String phone) {

        public NewParty(PartyKind kind, String name, String idNumber, String address) {
            this(kind, name, idNumber, address, null, null);
        }
    }

    /** An officer to put on the new case. */
    public record NewOfficer(@Size(max = 64) @WellFormedText String userId, OfficerRole role) {
    }
}
