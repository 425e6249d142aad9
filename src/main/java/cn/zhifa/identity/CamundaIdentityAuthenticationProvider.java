package cn.zhifa.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic against the engine's identity service; the user's Camunda groups become authorities. A client address
 * the {@link LoginThrottle} blocks for the account is told so (429) instead of a plain 401.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** The account may not be tried from this address until {@link #until()}. */
    static final class LoginBlockedException extends LockedException {

        private final transient Instant until;

        LoginBlockedException(Instant until) {
            super("login blocked");
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        Optional<Instant> blocked = throttle.blockedUntil(userId, LoginThrottle.currentSource());
        if (blocked.isPresent()) {
            throw new LoginBlockedException(blocked.get());
        }
        if (userId == null || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
