package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.semantic.MeaningGuard.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeaningGuardTest {

  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "how to lose 10 kg in a month | how to lose 20 kg in a month | NUMBERS",
      "calories in 1.5 cups of rice | calories in 2.5 cups of rice | NUMBERS",
      "a trip for two people | a trip for three people | NUMBERS",
      "is aspirin safe | is aspirin not safe | NEGATION",
      "can i return it | i can't return it, why | NEGATION",
      "advantages of remote work | disadvantages of remote work | OPPOSITES",
      "how to install docker | how to uninstall docker | OPPOSITES",
      "is it safe to swim after eating | is it unsafe to swim after eating | OPPOSITES",
      "is it normal for a dog to eat grass | is it abnormal for a dog to eat grass | OPPOSITES",
      "when was the eiffel tower built | where was the eiffel tower built | QUESTION",
      "how wide is a soccer field | how long is a soccer field | QUESTION",
      "how much is premium per month | how much is premium per year | UNITS",
      "flights from venice to seville in august | flights from venice to seville in november | DATES",
      "is the museum open on monday | is the museum open on sunday | DATES",
      "cheapest way to get from montreal to luxor in may | cheapest way to get from montreal to luxor in june | DATES",
  })
  void refuses(String prompt, String stored, Refusal why) {
    assertThat(MeaningGuard.refuse(prompt, stored)).isEqualTo(why);
    assertThat(MeaningGuard.refuse(stored, prompt)).as("symmetric").isEqualTo(why);
  }

  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(delimiter = '|', value = {
      "how do i reset my password | how can i reset my password",
      "why do flamingos stand on one leg | what's the reason flamingos stand on a single leg",
      "explain python decorators like i'm 5 | what are python decorators",
      "is it safe to reheat rice | can i safely reheat rice or is that dangerous",
      "how long to boil an egg | how many minutes should i boil an egg",
      "what is 2 + 2 | what's 2 + 2",
      "best laptop under 1,000 dollars | best laptop under 1000 dollars",
      "how do i stop my dog barking | how can i make my dog stop barking",
      "what to do in rome in march | things to do in rome during march",
      "may i bring a dog on the train in june | can i bring a dog on the train in june",
  })
  void letsParaphrasesThrough(String prompt, String stored) {
    assertThat(MeaningGuard.refuse(prompt, stored)).isNull();
    assertThat(MeaningGuard.refuse(stored, prompt)).isNull();
  }
}
