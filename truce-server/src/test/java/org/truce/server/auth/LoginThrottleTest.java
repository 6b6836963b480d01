package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Config(2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(10)), now::get);

    @Test
    void lockoutsDoubleUpToTheMaximumPerUserInAnyCase() {
        throttle.failed("Ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.2");
        assertThat(throttle.retryAfter("ana", "10.0.0.3")).isEmpty();
        throttle.failed("ana", "10.0.0.3");
        assertThat(throttle.retryAfter("ANA", "10.0.0.9")).contains(Duration.ofSeconds(1));
        throttle.failed("ana", "10.0.0.3");
        assertThat(throttle.retryAfter("ana", "10.0.0.9")).contains(Duration.ofSeconds(2));
        throttle.failed("ana", "10.0.0.3");
        throttle.failed("ana", "10.0.0.3");
        throttle.failed("ana", "10.0.0.3");
        assertThat(throttle.retryAfter("ana", "10.0.0.9")).contains(Duration.ofSeconds(5));
        now.set(now.get().plusSeconds(5));
        assertThat(throttle.retryAfter("ana", "10.0.0.9")).isEmpty();
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.9");
        assertThat(throttle.retryAfter("ana", "10.0.0.8")).as("counting starts again").isEmpty();
    }

    @Test
    void oneAddressTryingManyUsersIsLockedAfterFourTimesTheUserAllowance() {
        for (int i = 0; i < 8; i++) throttle.failed("user" + i, "10.0.0.1");
        assertThat(throttle.retryAfter("someone-new", "10.0.0.1")).isEmpty();
        throttle.failed("user9", "10.0.0.1");
        assertThat(throttle.retryAfter("someone-new", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("someone-new", "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        throttle.failed("ana", "a");
        throttle.failed("ana", "a");
        now.set(now.get().plus(Duration.ofMinutes(10)));
        throttle.failed("ana", "a");
        assertThat(throttle.retryAfter("ana", "b")).isEmpty();
    }
}
