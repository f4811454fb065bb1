package org.openwaba.network.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceBehaviourTests {

  @ParameterizedTest
  @CsvSource({
    "+12025550101, NOT_ON_WHATSAPP, not_on_whatsapp",
    "+12025550102, OFFLINE, offline",
    "+12025550103, NEVER_READS, never_reads",
    "+12025550104, SLOW, slow",
    "+14155552671, DEFAULT, default"
  })
  void classifiesMagicNumbers(String number, DeviceBehaviour expected, String apiName) {
    assertThat(DeviceBehaviour.of(number)).isEqualTo(expected);
    assertThat(expected.apiName()).isEqualTo(apiName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12025550100", "+12025550105", "+442025550101", "+120255501010"})
  void treatsNeighboursOfMagicNumbersAsDefault(String number) {
    assertThat(DeviceBehaviour.of(number)).isEqualTo(DeviceBehaviour.DEFAULT);
  }

  @ParameterizedTest
  @CsvSource({
    "DEFAULT, true, true",
    "NOT_ON_WHATSAPP, false, false",
    "OFFLINE, false, true",
    "NEVER_READS, true, false",
    "SLOW, true, true"
  })
  void knowsWhetherADeviceStartsOnlineAndReadsByItself(
      DeviceBehaviour behaviour, boolean startsOnline, boolean readsByItself) {
    assertThat(behaviour.startsOnline()).isEqualTo(startsOnline);
    assertThat(behaviour.readsByItself()).isEqualTo(readsByItself);
  }
}
