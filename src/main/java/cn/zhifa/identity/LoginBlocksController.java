package cn.zhifa.identity;

import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators ({@code camunda-admin}, SecurityConfiguration) see which accounts are blocked from which address,
 * and lift a block: {@code DELETE ?userId=…} for an account (all addresses, and Camunda's own lock of the account,
 * as "Unlock user" in Camunda Admin does), {@code ?source=…} for an address, or both.
 */
@RestController
@RequestMapping("/api/admin/login-blocks")
class LoginBlocksController {

    private static final Logger log = LoggerFactory.getLogger(LoginBlocksController.class);

    record LiftResponse(int lifted) {
    }

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    LoginBlocksController(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @GetMapping
    List<LoginThrottle.Block> blocks() {
        return throttle.blocks();
    }

    @DeleteMapping
    LiftResponse lift(@RequestParam(required = false) @Size(max = 64) @WellFormedText String userId,
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String source, Principal principal) {
        if (userId == null && source == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "请指定要解除的账户（userId）或地址（source）");
        }
        int lifted = throttle.lift(userId, source);
        if (userId != null && source == null) {
            identityService.unlockUser(userId);
        }
        log.info("{} lifted {} login block(s) of account {} from {}", principal.getName(), lifted,
                userId == null ? "any" : userId, source == null ? "any address" : source);
        return new LiftResponse(lifted);
    }
}
