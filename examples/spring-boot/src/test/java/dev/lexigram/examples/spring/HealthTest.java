package dev.lexigram.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.test.context.SpringBootTest;

/** Actuator's health includes lexigram-cache's backends without any code in this application. */
@SpringBootTest(properties = {"spring.main.banner-mode=off", "logging.level.root=warn"})
class HealthTest {

  @Autowired HealthEndpoint health;

  @Test
  void actuatorHealth_showsEveryBackendUp() {
    HealthComponent overall = health.health();
    assertThat(overall.getStatus()).isEqualTo(Status.UP);
    HealthComponent lexigram = ((SystemHealth) overall).getComponents().get("lexigramCache");

    assertThat(lexigram).as("the auto-configured lexigramCache component").isNotNull();
    assertThat(lexigram.getStatus()).isEqualTo(Status.UP);
    @SuppressWarnings("unchecked")
    Map<String, Object> backends = (Map<String, Object>) ((org.springframework.boot.actuate.health.Health) lexigram)
        .getDetails().get("backends");
    assertThat(backends).isNotEmpty();
    System.out.println("[example] /actuator/health lexigramCache: " + lexigram.getStatus() + " " + backends);
  }
}
