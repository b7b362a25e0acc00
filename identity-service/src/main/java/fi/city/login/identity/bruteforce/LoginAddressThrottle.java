package fi.city.login.identity.bruteforce;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Failed logins from one client address within a window; see {@code BruteForceGuard}. */
@Entity
@Table(name = "login_address_throttle")
public class LoginAddressThrottle extends PanacheEntityBase {

    @Id
    public String address;

    public int failures;

    @Column(name = "window_started_at")
    public Instant windowStartedAt;

    @Column(name = "blocked_until")
    public Instant blockedUntil;
}
