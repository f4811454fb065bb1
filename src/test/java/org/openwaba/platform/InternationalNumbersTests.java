package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InternationalNumbersTests {

  @Test
  void normalisesFormattedNumbersToE164() {
    assertThat(InternationalNumbers.toE164("+1 (415) 555-2671", "phone_number"))
        .isEqualTo("+14155552671");
    assertThat(InternationalNumbers.toE164(" +44 20 7946 0958 ", "phone_number"))
        .isEqualTo("+442079460958");
    assertThat(InternationalNumbers.toE164("+49.151.23456789", "phone_number"))
        .isEqualTo("+4915123456789");
  }

  @Test
  void requiresThePlusAndCountryCode() {
    assertThatThrownBy(() -> InternationalNumbers.toE164("14155552671", "phone_number"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Invalid phone number format")
        .extracting(e -> ((InvalidRequestException) e).details())
        .asString()
        .contains("Phone number must include country code");
  }

  @Test
  void refusesLettersEmptyAndOverlongInput() {
    assertThatThrownBy(() -> InternationalNumbers.toE164("+1415555CALL", "to"))
        .extracting(e -> ((InvalidRequestException) e).details())
        .asString()
        .contains("found 'C'");
    assertThatThrownBy(() -> InternationalNumbers.toE164("  ", "to"))
        .extracting(e -> ((InvalidRequestException) e).details())
        .asString()
        .contains("must not be empty");
    assertThatThrownBy(() -> InternationalNumbers.toE164("+1" + "5".repeat(31), "to"))
        .extracting(e -> ((InvalidRequestException) e).details())
        .asString()
        .contains("too long");
  }

  @Test
  void refusesNumbersThatAreNotValidForTheirCountry() {
    assertThatThrownBy(() -> InternationalNumbers.toE164("+15555551234", "to"))
        .extracting(e -> ((InvalidRequestException) e).details())
        .asString()
        .contains("is not a valid number for country code +1");
    assertThatThrownBy(() -> InternationalNumbers.toE164("+1415555267", "to"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void refusesTheSameInvalidInputEveryTime() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> InternationalNumbers.toE164("+10000000000", "to"))
          .isInstanceOf(InvalidRequestException.class);
    }
  }
}
