package cn.zhifa.disclosure;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/agencies/{agencyId}/disclosure-rules}: the agency's own disclosure rules (full text, the 较低数额
 * fine), for the platform administrator or the agency's own administrator (the security rule of every
 * {@code /api/admin/agencies/{agencyId}/**} path). They apply to records drafted (full text) or published (term)
 * from then on.
 */
@RestController
@RequestMapping("/api/admin/agencies/{agencyId}/disclosure-rules")
class DisclosureRuleSetController {

    record RulesRequest(@NotNull Boolean fullText,
            @DecimalMin("0.01") @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal lowFineLimit,
            @NotBlank @Size(max = 1000) @WellFormedText String legalBasis) {
    }

    /** The rules as people read them: the low fine in yuan. */
    record RulesResponse(String agencyId, boolean fullText, BigDecimal lowFineLimit, String legalBasis) {

        static RulesResponse of(DisclosureRuleSet rules) {
            return new RulesResponse(rules.agencyId(), rules.fullText(), rules.lowFineLimitFen() == null ? null
                    : BigDecimal.valueOf(rules.lowFineLimitFen(), 2), rules.legalBasis());
        }
    }

    private final DisclosureRuleSets ruleSets;

    DisclosureRuleSetController(DisclosureRuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping
    RulesResponse rules(@PathVariable @Size(max = 64) @WellFormedText String agencyId) {
        return RulesResponse.of(ruleSets.of(agencyId));
    }

    @PutMapping
    RulesResponse set(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @Valid @RequestBody RulesRequest request, Principal principal) {
        Long limit = request.lowFineLimit() == null ? null : request.lowFineLimit().movePointRight(2).longValueExact();
        return RulesResponse.of(ruleSets.update(new DisclosureRuleSet(agencyId, request.fullText(), limit,
                request.legalBasis().strip()), principal.getName()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable @Size(max = 64) @WellFormedText String agencyId) {
        ruleSets.clear(agencyId);
    }
}
