package cn.zhifa.agency;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Initial passwords for new staff when the administrator sets none: random, shown once, never stored in clear. */
@Component
class InitialPasswords {

    // no 0/O, 1/l/I: the administrator reads it out or writes it down
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
